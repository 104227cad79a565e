/** How an entry point is run: compiled, from source through tsx, or not at all. */
export interface LaunchChoice {
  run: 'dist' | 'source' | 'missing';
  file: string;
  /** The compiled file is older than a source or card template it was built from. */
  stale: boolean;
}

/** Runs an entry point (`index`, `cli/main`) from dist/ when it is current, else from source. */
declare function launch(entry: string): unknown;

declare namespace launch {
  /** How `entry` of the project at `root` would be run, given whether tsx can be loaded. */
  function choose(root: string, entry: string, tsx: boolean): LaunchChoice;
}

export = launch;
