import { render } from 'preact';
import { App } from './App';
import './participant.css';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}
