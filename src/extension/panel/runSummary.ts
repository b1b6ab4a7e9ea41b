// One run of the list as the host reports it to the webview: its input as the controls show it, its
// status and outcome, and for the selected run the ids of the parts its view draws.
import type { RunSummary, SceneParts } from '../../shared/protocol';
import type { SceneReport } from './sceneTypes';
import { controlsOf, type RunRecord } from './state';

/**
 * The summary of `record`: `formula` is its text as the webview shows it, `parts` the ids of the
 * parts its scene drew, given only for the selected run.
 */
export function summaryOf(
  record: RunRecord,
  formula: string,
  status: RunSummary['status'],
  scene?: SceneReport,
  parts?: SceneParts,
): RunSummary {
  const failure = scene?.error;
  const error = failure && {
    message: failure.message,
    ...(failure.column !== undefined ? { column: failure.column } : {}),
  };
  return {
    id: record.id,
    formula,
    controls: controlsOf(record.options, record.batch),
    starts: record.starts,
    ...(record.label !== undefined ? { label: record.label } : {}),
    status,
    ...(scene?.outcome ? { outcome: scene.outcome } : {}),
    ...(error ? { error } : {}),
    ...(scene && parts ? { parts, waiting: scene.waiting, failures: scene.failures } : {}),
  };
}
