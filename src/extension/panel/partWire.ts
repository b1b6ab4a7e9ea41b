// A job value as it crosses to the webview: each job kind's value in the shape of its part.
import type { PartValue } from '../../shared/protocol';
import {
  toBasinsWire,
  toCurvatureWire,
  toFormulaWire,
  toLandscapeWire,
  toRunWire,
  toStepsWire,
  toSweepWire,
} from '../../shared/wire';
import { toExplainWire, toPhaseWire } from '../../shared/explainWire';
import { toDataWire } from '../../shared/dataWire';
import type { JobKind, JobValues } from '../../usecases/jobs';
import { curvatureEffects } from '../../usecases/wording';

/** Turns a job value into the part the webview draws. */
export function wire<K extends JobKind>(kind: K, value: JobValues[K]): PartValue {
  const v = value as JobValues[JobKind];
  switch (kind) {
    case 'formula':
      return { kind: 'formula', value: toFormulaWire(v as JobValues['formula']) };
    case 'gradientText':
      return { kind: 'gradientText', value: v as JobValues['gradientText'] };
    case 'run':
      return { kind: 'run', value: toRunWire(v as JobValues['run']) };
    case 'landscape':
      return { kind: 'landscape', value: toLandscapeWire(v as JobValues['landscape']) };
    case 'curvature':
      return { kind: 'curvature', value: toCurvatureWire(v as JobValues['curvature']) };
    case 'sweep':
      return { kind: 'sweep', value: toSweepWire(v as JobValues['sweep']) };
    case 'basins':
      return { kind: 'basins', value: toBasinsWire(v as JobValues['basins']) };
    case 'explain': {
      const e = v as JobValues['explain'];
      return { kind: 'explain', value: toExplainWire(e, curvatureEffects(e.variables, e.model.directions)) };
    }
    case 'phase':
      return { kind: 'phase', value: toPhaseWire(v as JobValues['phase']) };
    case 'dataRun': {
      // The same job draws the run (its path and batch losses) and, asked with its fit, the data view.
      const data = toDataWire(v as JobValues['dataRun']);
      return data ? { kind: 'data', value: data } : { kind: 'run', value: toRunWire(v as JobValues['run']) };
    }
    default:
      return { kind: 'steps', value: toStepsWire(v as JobValues['steps']) };
  }
}
