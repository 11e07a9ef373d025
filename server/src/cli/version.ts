/**
 * The CLI's name and version. The version is the package's, read from package.json at build time
 * (a JSON import: esbuild inlines just this field into the bundle, and tsc resolves it from
 * `out/` the same way), so it is right in both the bundled and the compiled layout.
 */
import { version as packageVersion } from '../../../package.json';

export const CLI_NAME = 'cognito-client-lint';

export const CLI_VERSION: string = packageVersion;

/** Where the project lives, for SARIF's `informationUri`. */
export const CLI_INFORMATION_URI = 'https://github.com/cognito-client-tools/cognito-user-pool-client';
