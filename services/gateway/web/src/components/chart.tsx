import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

/**
 * An ECharts chart. ECharts is loaded on first use (its own chunk), so pages without charts —
 * the citizen portal on a phone above all — never download it.
 */
export function Chart({ option, label, testId }: { option: EChartsCoreOption; label: string; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<{ setOption: (o: EChartsCoreOption, notMerge?: boolean) => void; resize: () => void; dispose: () => void } | null>(null);
  // The option to draw once ECharts has loaded (the second effect keeps it current).
  const latest = useRef(option);

  useEffect(() => {
    let disposed = false;
    let onResize: (() => void) | undefined;
    void import('./echarts-setup').then(({ echarts }) => {
      if (disposed || !el.current) return;
      const instance = echarts.init(el.current, undefined, { renderer: 'svg' });
      chart.current = instance;
      instance.setOption(latest.current, true);
      onResize = () => instance.resize();
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      if (onResize) window.removeEventListener('resize', onResize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    latest.current = option;
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={el} className="chart" role="img" aria-label={label} data-testid={testId} />;
}
