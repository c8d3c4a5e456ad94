import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { tabAfterKey } from './tab-keys';

export interface TabSpec<T extends string> {
  readonly id: T;
  readonly label: string;
  readonly content: ComponentChildren;
}

/**
 * Tabs after the WAI-ARIA pattern: one tab in the Tab order (roving tabindex), arrow keys
 * and Home/End move between tabs and select them, each tab names the panel it controls.
 * Every panel is rendered (hidden when not selected), so aria-controls always points at an
 * element; a panel is focusable, because it scrolls.
 */
export function Tabs<T extends string>(props: {
  label: string;
  tabs: readonly TabSpec<T>[];
  selected: T;
  onSelect: (tab: T) => void;
}) {
  const buttons = useRef<Partial<Record<T, HTMLButtonElement | null>>>({});
  const ids = props.tabs.map((tab) => tab.id);
  const onKeyDown = (event: KeyboardEvent) => {
    const next = tabAfterKey(event.key, ids, props.selected);
    if (next === null) return;
    event.preventDefault();
    props.onSelect(next);
    buttons.current[next]?.focus();
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label={props.label} onKeyDown={onKeyDown}>
        {props.tabs.map((tab) => {
          const selected = tab.id === props.selected;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                buttons.current[tab.id] = el;
              }}
              type="button"
              role="tab"
              class="tab"
              id={`tab-${tab.id}`}
              data-tab={tab.id}
              aria-selected={selected}
              aria-controls={`panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => props.onSelect(tab.id)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {props.tabs.map((tab) => (
        <div
          key={tab.id}
          class="panel"
          role="tabpanel"
          id={`panel-${tab.id}`}
          data-panel={tab.id}
          aria-labelledby={`tab-${tab.id}`}
          tabIndex={0}
          hidden={tab.id !== props.selected}
        >
          {tab.content}
        </div>
      ))}
    </>
  );
}
