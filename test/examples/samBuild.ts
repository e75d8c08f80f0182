/**
 * Bundles a template's function as `sam build` does for `BuildMethod: esbuild`: esbuild over the
 * function's `EntryPoints` inside its `CodeUri`, with the flags the SAM builder passes
 * (`--bundle --platform=node --format=cjs --minify`, the template's `Target` and `MainFields`), into one artifact
 * directory; then the file `Handler` names must exist there. A CodeUri without a package.json is
 * bundled in place, so imports resolve as in this repository (tsconfig paths, node_modules).
 * https://github.com/aws/aws-lambda-builders/blob/develop/aws_lambda_builders/workflows/nodejs_npm_esbuild/esbuild.py
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { TemplateResource } from './cloudFormation';

/** A built function: where its handler module is and the name it must export. */
export interface BuiltFunction {
  /** The bundled module `Handler` points at. */
  readonly modulePath: string;
  /** The export `Handler` names. */
  readonly exportName: string;
  /** The files bundled into it (esbuild's metafile inputs), relative to the function's code. */
  readonly inputs: readonly string[];
}

interface EsbuildProperties {
  EntryPoints?: string[];
  Target?: string;
  Minify?: boolean;
  Format?: string;
  MainFields?: string;
}

/** The function's CodeUri, resolved against the template's directory. */
export const codeDirectoryOf = (templatePath: string, fn: TemplateResource) =>
  resolve(dirname(templatePath), String(fn.Properties?.CodeUri));

/** Bundles `fn` into `artifactsDir` as `sam build` would. */
export async function samBuild(
  templatePath: string,
  fn: TemplateResource,
  artifactsDir: string,
): Promise<BuiltFunction> {
  const codeDir = codeDirectoryOf(templatePath, fn);
  const properties = (fn.Metadata?.BuildProperties ?? {}) as EsbuildProperties;
  const entryPoints = (properties.EntryPoints ?? []).map((entry) => join(codeDir, entry));
  const { metafile } = await build({
    entryPoints,
    absWorkingDir: codeDir,
    bundle: true,
    platform: 'node',
    outdir: artifactsDir,
    target: properties.Target ?? 'es2020',
    format: (properties.Format ?? 'cjs') as 'cjs' | 'esm',
    minify: properties.Minify ?? true,
    ...(properties.MainFields !== undefined && { mainFields: properties.MainFields.split(',') }),
    metafile: true,
    logLevel: 'silent',
  });
  const handler = String(fn.Properties?.Handler);
  const dot = handler.lastIndexOf('.');
  const modulePath = join(artifactsDir, `${handler.slice(0, dot)}.js`);
  if (!existsSync(modulePath)) {
    throw new Error(`Handler ${handler}: ${modulePath} was not produced by the build`);
  }
  return { modulePath, exportName: handler.slice(dot + 1), inputs: Object.keys(metafile.inputs) };
}
