import type { ScenarioBodyT } from '@pharos/api';
import type { ReactNode } from 'react';
import { monthName } from './scenario-format';

/** The timeline as a table for screen readers (and tests): the same starts the canvas paints. */
export function TimelineTable(props: {
  body: ScenarioBodyT;
  starts: readonly (number | null)[];
  /** The timeline's rows (candidate indices) in their order; the candidates left out follow. */
  rows: readonly number[];
  revision: number;
}): ReactNode {
  const { body, starts, rows } = props;
  const shown = new Set(rows);
  const order = [...rows, ...body.candidates.map((_, i) => i).filter((i) => !shown.has(i))];
  return (
    // in a hidden box: a table's rows make it as tall as they need, whatever its own height
    <div className="visually-hidden">
      <table aria-label="Plan timeline">
        <thead>
          <tr>
            <th>Candidate</th>
            <th>Kind</th>
            <th>Start</th>
            <th>Finish</th>
            <th>Shiftable</th>
            <th>May start</th>
          </tr>
        </thead>
        <tbody>
          {order.map((i) => {
            const c = body.candidates[i]!;
            const s = starts[i];
            return (
              <tr key={c.id} data-start={s ?? ''} data-earliest={c.earliestStart} data-latest={c.latestStart}>
                <td>{c.name}</td>
                <td>{c.kind}</td>
                <td>{s === null || s === undefined ? 'not selected' : monthName(body.horizon, s)}</td>
                <td>{s === null || s === undefined ? '—' : monthName(body.horizon, s + c.duration - 1)}</td>
                <td>{c.shiftable ? 'yes' : 'no'}</td>
                <td>
                  {monthName(body.horizon, c.earliestStart)} – {monthName(body.horizon, c.latestStart)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
