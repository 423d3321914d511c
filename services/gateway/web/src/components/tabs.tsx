import { navigate, useLocation } from '../router';

/** The tab that ?tab= names when it is one of `tabs`, else the first. */
export function useTab<T extends string>(tabs: readonly T[]): T {
  const asked = useLocation().query.get('tab');
  return tabs.find((x) => x === asked) ?? tabs[0];
}

/** A page's tab buttons: the first tab is the bare `path`, the others add ?tab= (so a reload keeps the tab). */
export function TabNav<T extends string>({ tabs, current, path, testId, label }: { tabs: readonly T[]; current: T; path: string; testId: string; label: (tab: T) => string }) {
  return (
    <nav className="tabs" data-testid={testId}>
      {tabs.map((x) => (
        <button key={x} type="button" className={x === current ? 'active' : undefined} data-tab={x} onClick={() => navigate(x === tabs[0] ? path : `${path}?tab=${x}`)}>
          {label(x)}
        </button>
      ))}
    </nav>
  );
}
