// Runs the CLI's main() in-process, capturing what it writes, so tests exercise the real command line.
import { main } from '../src/cli.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

// Calls `istio-doctest ARGS...` and returns its exit code and output.
export async function cli(args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** Runs the CLI from a folder, so paths print as a translator types them there. */
export async function cliIn(root: string, args: string[]): Promise<CliResult> {
  const cwd = process.cwd();
  process.chdir(root);
  try {
    return await cli(args);
  } finally {
    process.chdir(cwd);
  }
}
