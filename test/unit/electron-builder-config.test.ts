// electron-builder.yml, read with the YAML parser electron-builder uses, against electron-builder's
// own JSON schema (app-builder-lib/scheme.json): packaging cannot run here, so a misspelt or
// misplaced option would otherwise surface only on the release machine. Also: the fuses are set.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import { load } from 'js-yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// The schema of the electron-builder we install: app-builder-lib as electron-builder resolves it.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const schemaFile = fromBuilder.resolve('app-builder-lib/scheme.json');

function validator(): ValidateFunction {
  const schema: unknown = JSON.parse(readFileSync(schemaFile, 'utf8'));
  // strict: false because electron-builder's schema uses keywords Ajv's strict mode does not know.
  return new Ajv({ allErrors: true, strict: false }).compile(schema as object);
}

function config(): Record<string, unknown> {
  const parsed: unknown = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('electron-builder.yml is not a mapping');
  return parsed as Record<string, unknown>;
}

describe('electron-builder.yml', () => {
  const validate = validator();

  it("matches electron-builder's own schema", () => {
    const ok = validate(config());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('sets the fuses: no Node runtime, no NODE_OPTIONS, no inspector, app only from a checked asar, encrypted cookies, plain file://', () => {
    expect(config()['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an asar, which onlyLoadAppFromAsar and the integrity check need', () => {
    expect(config()['asar']).toBe(true);
  });

  it('is checked by a schema that refuses a misspelt fuse, a fuse of the wrong type and an unknown option', () => {
    const fuses = config()['electronFuses'] as Record<string, unknown>;
    expect(validate({ ...config(), electronFuses: { ...fuses, runAsnode: false } })).toBe(false);
    expect(validate({ ...config(), electronFuses: { ...fuses, runAsNode: 'no' } })).toBe(false);
    expect(validate({ ...config(), fuses: { runAsNode: false } })).toBe(false);
  });
});
