import { runCli, type CliIo } from '../../server/src/cli/run';

/** Runs one `kube-guide` command line in this process, in `cwd`, and collects what it wrote. */
export async function runCliInProcess(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    env: {},
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: async () => Buffer.alloc(0),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
