import { render } from 'preact';
import { browser } from 'wxt/browser';
import { LibraryApp } from './App';
import '@/components/library/library.css';
import '@/components/reader/reader.css';
import { setLang } from '@/utils/i18n';

setLang(browser.i18n.getUILanguage());
const root = document.getElementById('app');
if (root) render(<LibraryApp />, root);
