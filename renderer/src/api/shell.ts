// What the desktop shell offers the page beyond the API (DOM): the system's folder picker. In the
// web host there is no shell, and screens hand files over as downloads instead.
export interface Shell {
  pickFolder(title: string): Promise<string | null>;
}

export function desktopShell(): Shell | null {
  const bridge = window.educredit;
  return bridge && typeof bridge.pickFolder === 'function' ? { pickFolder: (title) => bridge.pickFolder(title) } : null;
}
