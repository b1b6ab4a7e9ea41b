// Greek letters typed as characters (θ, λ, σ) are the variables LaTeX names \theta, \lambda, \sigma:
// `--param lambda=0.1` sets λ whichever way the note wrote it.

const LETTERS: ReadonlyMap<string, string> = new Map(
  [
    'α alpha',
    'β beta',
    'γ gamma',
    'δ delta',
    'ε varepsilon',
    'ϵ epsilon',
    'ζ zeta',
    'η eta',
    'θ theta',
    'ϑ vartheta',
    'ι iota',
    'κ kappa',
    'λ lambda',
    'μ mu',
    'ν nu',
    'ξ xi',
    'π pi',
    'ρ rho',
    'σ sigma',
    'ς varsigma',
    'τ tau',
    'υ upsilon',
    'φ varphi',
    'ϕ phi',
    'χ chi',
    'ψ psi',
    'ω omega',
    'Γ Gamma',
    'Δ Delta',
    'Θ Theta',
    'Λ Lambda',
    'Ξ Xi',
    'Π Pi',
    'Σ Sigma',
    'Υ Upsilon',
    'Φ Phi',
    'Ψ Psi',
    'Ω Omega',
  ].map((pair) => pair.split(' ') as [string, string]),
);

/** `θ` is theta and `θ_1` theta_1; any other name is returned as it is. */
export function latinName(name: string): string {
  const letter = LETTERS.get(name[0] ?? '');
  if (letter === undefined || (name.length > 1 && name[1] !== '_')) return name;
  return letter + name.slice(1);
}

const NAMES: ReadonlySet<string> = new Set(LETTERS.values());

/** `eta`, `mu`, `Phi`: a Greek letter spelt out. */
export function isGreekName(name: string): boolean {
  return NAMES.has(name);
}
