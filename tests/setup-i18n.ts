// Unit tests render the Vietnamese UI from the same messages.json the extension ships.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setMessageTable } from '@/utils/i18n';

setMessageTable(JSON.parse(readFileSync(resolve(import.meta.dirname, '../public/_locales/vi/messages.json'), 'utf8')));
