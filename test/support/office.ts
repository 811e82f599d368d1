/**
 * LibreOffice and Poppler for tests that open exported Word files, run asynchronously
 * (`commands.ts` says why). Each conversion uses a profile of its own, so parallel runs do not hand their files to one another's office process,
 * and a conversion that overruns is killed with everything it started.
 */
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCommand } from './commands.js';

/** Generous: LibreOffice's first start on a fresh machine builds its profile. */
export const OFFICE_TIMEOUT_MS = 180_000;

/** The absolute path of `command` on PATH, or '' when it is not installed. */
export function findOnPath(command: string): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return '';
}

/** Runs a command without blocking; rejects on a non-zero exit or after `timeoutMs` (killing its group). */
export async function run(
  command: string,
  args: readonly string[],
  timeoutMs = OFFICE_TIMEOUT_MS,
): Promise<void> {
  const result = await runCommand(command, args, { timeoutMs });
  if (result.status !== 0)
    throw new Error(`${basename(command)} exited with ${result.status}: ${result.stderr}`);
}

/** Converts `file` to PDF in `outDir` with LibreOffice at `soffice`; returns the PDF's path. */
export async function convertToPdf(soffice: string, file: string, outDir: string): Promise<string> {
  return convertTo(soffice, file, outDir, 'pdf');
}

/**
 * Converts `file` with LibreOffice at `soffice` to the format of extension `format` ("pdf",
 * "fodt" …) in `outDir`; returns the converted file's path.
 */
export async function convertTo(
  soffice: string,
  file: string,
  outDir: string,
  format: string,
): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'office-profile-'));
  try {
    await run(soffice, [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--convert-to',
      format,
      '--outdir',
      outDir,
      file,
    ]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, basename(file).replace(/\.[^.]+$/, `.${format}`));
}
