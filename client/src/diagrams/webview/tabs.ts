// Tabs as the WAI-ARIA pattern has them: a tablist of buttons, one focusable at a time; the arrow
// keys, Home and End move between tabs and show them; each tab controls one tabpanel.
import { html } from './dom';

export interface TabDefinition<K extends string> {
  key: K;
  label: string;
  panel: HTMLElement;
}

export interface Tabs<K extends string> {
  element: HTMLElement;
  select(key: K, focus?: boolean): void;
}

export function createTabs<K extends string>(label: string, definitions: TabDefinition<K>[], onSelect: (key: K) => void): Tabs<K> {
  const tablist = html('div', { role: 'tablist', 'aria-label': label, class: 'tabs' });
  const tabs = definitions.map(({ key, label: tabLabel, panel }) => {
    const tab = html('button', { type: 'button', role: 'tab', id: `tab-${key}`, 'aria-controls': `panel-${key}`, class: 'tab' }, tabLabel);
    panel.id = `panel-${key}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tab.id);
    tab.addEventListener('click', () => select(key, true));
    tablist.append(tab);
    return { key, tab, panel };
  });

  function select(key: K, focus = false): void {
    for (const entry of tabs) {
      const selected = entry.key === key;
      entry.tab.setAttribute('aria-selected', String(selected));
      entry.tab.tabIndex = selected ? 0 : -1;
      entry.panel.hidden = !selected;
      if (selected && focus) entry.tab.focus();
    }
    onSelect(key);
  }

  tablist.addEventListener('keydown', (event) => {
    const current = tabs.findIndex((entry) => entry.tab === document.activeElement);
    if (current < 0) return;
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight' ? (current === last ? 0 : current + 1)
      : event.key === 'ArrowLeft' ? (current === 0 ? last : current - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : undefined;
    if (next === undefined) return;
    event.preventDefault();
    select(tabs[next].key, true);
  });

  return { element: tablist, select };
}
