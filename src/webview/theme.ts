// Colours for plots, read from VS Code's --vscode-* theme variables so every theme reads well.

/** The palette the plots draw with, resolved to concrete colour strings. */
export interface Palette {
  readonly foreground: string;
  readonly muted: string;
  readonly background: string;
  readonly accent: string;
  readonly path: string;
  readonly start: string;
  readonly end: string;
  readonly grid: string;
  /** Distinct series colours (coordinates, lines without contours behind them). */
  readonly series: readonly string[];
  /**
   * Distinct colours for paths drawn over the contours (optimizers, basins): the series without the
   * contours' own blue, the run's path colour first.
   */
  readonly overlays: readonly string[];
}

function cssVar(style: CSSStyleDeclaration, name: string, fallbackVar?: string): string {
  const value = style.getPropertyValue(name).trim();
  if (value || !fallbackVar) return value || 'currentColor';
  return cssVar(style, fallbackVar);
}

/** Reads the current theme's colours. */
export function readPalette(): Palette {
  const style = getComputedStyle(document.body);
  const v = (name: string, fallback?: string): string => cssVar(style, name, fallback);
  const series = [
    v('--vscode-charts-blue', '--vscode-foreground'),
    v('--vscode-charts-orange', '--vscode-foreground'),
    v('--vscode-charts-green', '--vscode-foreground'),
    v('--vscode-charts-red', '--vscode-foreground'),
    v('--vscode-charts-purple', '--vscode-foreground'),
    v('--vscode-charts-yellow', '--vscode-foreground'),
    v('--vscode-charts-foreground', '--vscode-foreground'),
  ];
  return {
    foreground: v('--vscode-editor-foreground', '--vscode-foreground'),
    muted: v('--vscode-descriptionForeground', '--vscode-foreground'),
    background: v('--vscode-editor-background', '--vscode-sideBar-background'),
    accent: v('--vscode-charts-blue', '--vscode-focusBorder'),
    path: v('--vscode-charts-orange', '--vscode-foreground'),
    start: v('--vscode-charts-green', '--vscode-foreground'),
    end: v('--vscode-charts-red', '--vscode-errorForeground'),
    grid: v('--vscode-editorWidget-border', '--vscode-panel-border'),
    series,
    overlays: series.slice(1),
  };
}
