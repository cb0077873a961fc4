import { render } from 'preact';
import '../../assets/ui.css';
import { isFullPage, resolveTabId } from './api';
import { App } from './App';
import './style.css';

const root = document.getElementById('app')!;
if (isFullPage()) document.documentElement.classList.add('al-full');
void resolveTabId().then(tabId => render(<App tabId={tabId} />, root));
