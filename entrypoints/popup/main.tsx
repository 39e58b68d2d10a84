import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from './App';
import '@/components/popup/popup.css';
import { setLang } from '@/utils/i18n';

setLang(browser.i18n.getUILanguage());
const root = document.getElementById('app');
if (root) render(<PopupApp />, root);
