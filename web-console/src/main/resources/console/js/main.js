// Start: the language, then the page of the current address.
import {loadLanguage} from './i18n.js';
import {interceptLinks, render} from './router.js';
import {onRerender} from './layout.js';

async function start() {
  await loadLanguage();
  onRerender(render);
  interceptLinks();
  await render();
}

start();
