// The part of addons-linter's Node API (its README, "Using the linter as a library") the lint test uses;
// the package ships no types.
declare module 'addons-linter' {
  export interface LinterMessage {
    type: 'error' | 'warning' | 'notice';
    code: string;
    message: string;
    description?: string | string[];
    file?: string;
    line?: number;
    column?: number;
  }

  export interface LinterResults {
    count: number;
    summary: { errors: number; warnings: number; notices: number };
    errors: LinterMessage[];
    warnings: LinterMessage[];
    notices: LinterMessage[];
  }

  export interface LinterConfig {
    _: string[];
    logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
    stack: boolean;
    pretty: boolean;
    warningsAsErrors: boolean;
    metadata: boolean;
    output: 'none' | 'json' | 'text';
    boring: boolean;
    selfHosted: boolean;
    shouldScanFile: (fileName: string) => boolean;
    minManifestVersion?: number;
    maxManifestVersion?: number;
    enableDataCollectionPermissions?: boolean;
  }

  const linter: {
    createInstance(options: { config: LinterConfig; runAsBinary: boolean }): { run(): Promise<LinterResults> };
  };
  export default linter;
}
