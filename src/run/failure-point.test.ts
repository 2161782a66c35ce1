// The failing line of a step, derived once by verify() from the matcher's differences and the step's status, on
// outputs as kubectl and istioctl print them.
import type { PlannedStep } from '../plan/plan.js';
import type { CommandResult } from '../shell/session.js';
import { firstDifference, mismatchFailure } from './failure-point.js';
import { verify } from './verify.js';

const page = 'content/en/docs/setup/install/istioctl/index.md';

// A step of the page whose `$ ` line is `line`, its output on the lines after it.
function stepAt(line: number, command: string, expected: string, extra: Partial<PlannedStep> = {}): PlannedStep {
  return {
    id: 'snip_check_pods', index: 4, file: page, line, blockLine: line - 1, ...(expected ? { expectedLine: line + 1 } : {}),
    command, expected, verify: { mode: expected ? 'auto' : 'none' }, retry: true, cleanup: false, section: 'Check', ...extra,
  };
}

// An attempt's result as the session reports it.
function ran(output: string, exitCode = 0, extra: Partial<CommandResult> = {}): CommandResult {
  return { output, exitCode, droppedBytes: 0, timedOut: false, interrupted: false, durationMs: 800, message: exitCode ? `exit code ${exitCode}` : '', restarted: false, stateSaved: true, ...extra };
}

const pods = stepAt(
  229,
  'kubectl get pods -n istio-system',
  [
    'NAME                                    READY   STATUS    RESTARTS   AGE',
    'istio-egressgateway-5c597cdb77-48bj8    1/1     Running   0          2m',
    'istio-ingressgateway-8f568d595-f4wlx    1/1     Running   0          2m',
    'istiod-7d4885fc54-z7vjl                 1/1     Running   0          2m',
  ].join('\n'),
);

describe('the failing line of a step', () => {
  test('a kubectl table whose STATUS differs points at the row that differs, with the column and both values', () => {
    const output = [
      'NAME                                   READY   STATUS    RESTARTS   AGE',
      'istio-egressgateway-5c597cdb77-9xq2n   1/1     Running   0          41s',
      'istio-ingressgateway-8f568d595-kd7pm   1/1     Running   0          41s',
      'istiod-7d4885fc54-mp2tc                0/1     Pending   0          41s',
      '',
    ].join('\n');
    const verdict = verify(pods, ran(output));
    expect(verdict.ok).toBe(false);
    expect(verdict.failure).toMatchObject({ kind: 'line-differs', file: page, line: 233, commandLine: 229, column: 'READY', expected: '1/1', actual: '0/1' });
    expect(verdict.failure!.short).toBe('column READY: expected "1/1", got "0/1"');
  });

  test('a row count told at the table header does not hide the row that is missing', () => {
    const output = [
      'NAME                                   READY   STATUS    RESTARTS   AGE',
      'istio-egressgateway-5c597cdb77-9xq2n   1/1     Running   0          41s',
      'istiod-7d4885fc54-mp2tc                1/1     Running   0          41s',
    ].join('\n');
    const failure = verify(pods, ran(output)).failure!;
    expect(failure).toMatchObject({ kind: 'line-missing', line: 232, commandLine: 229 });
    expect(failure.short).toBe('not in the output: "istio-ingressgateway-8f568d595-f4wlx 1/1 Running 0 2m"');
  });

  test('istioctl output with a line missing points at that line of the page', () => {
    const install = stepAt(
      40,
      'istioctl install --set profile=demo -y',
      ['✔ Istio core installed', '✔ Istiod installed', '✔ Egress gateways installed', '✔ Ingress gateways installed', '✔ Installation complete'].join('\n'),
    );
    const output = ['✔ Istio core installed', '✔ Istiod installed', '✔ Ingress gateways installed', '✔ Installation complete', ''].join('\n');
    const failure = verify(install, ran(output)).failure!;
    expect(failure).toMatchObject({ kind: 'line-missing', line: 43, commandLine: 40, expected: '✔ Egress gateways installed' });
  });

  test('an output line the page does not show, after all it shows, is told at the last expected line', () => {
    const version = stepAt(12, 'istioctl version --remote=false', '1.27.0');
    const failure = verify(version, ran('1.27.0\nwarning: the client is newer than the control plane\n')).failure!;
    expect(failure).toMatchObject({ kind: 'line-extra', line: 13, commandLine: 12 });
    expect(failure.short).toBe('not on the page: "warning: the client is newer than the control plane"');
  });

  test('a time-out points at the command line and says how long it waited', () => {
    const wait = stepAt(88, 'kubectl wait --for=condition=Ready pod -l app=curl --timeout=300s', '');
    const verdict = verify(wait, ran('', undefined as unknown as number, { timedOut: true, exitCode: undefined, message: 'timed out after 2m' }));
    expect(verdict.failure).toEqual({ kind: 'timeout', file: page, line: 88, commandLine: 88, short: 'timed out after 2m' });
  });

  test('a non-zero exit of a command that shows no output points at the command line with the exit code', () => {
    const apply = stepAt(51, 'kubectl apply -f samples/httpbin/httpbin.yaml', '');
    const verdict = verify(apply, ran('error: the path "samples/httpbin/httpbin.yaml" does not exist\n', 1));
    expect(verdict.failure).toEqual({ kind: 'exit-status', file: page, line: 51, commandLine: 51, short: 'exit code 1' });
  });

  test('a command the page expects to fail that exits 0 points at the command line', () => {
    const denied = stepAt(70, 'kubectl exec deploy/curl -- curl -sS http://httpbin:8000/get', '', { verify: { mode: 'failure' } });
    expect(verify(denied, ran('{"args": {}}\n')).failure).toMatchObject({ kind: 'unexpected-success', line: 70, commandLine: 70 });
  });

  test('a substring that is not found is an output difference at the first expected line, told by the matcher', () => {
    const grep = stepAt(101, 'kubectl logs deploy/httpbin -c istio-proxy | tail -1', 'outbound|8000||httpbin.default.svc.cluster.local', { verify: { mode: 'contains' } });
    const failure = verify(grep, ran('[2026-12-07T10:00:00Z] "GET /get HTTP/1.1" 503 UF\n')).failure!;
    expect(failure).toMatchObject({ kind: 'output-differs', line: 102, commandLine: 101 });
    expect(failure.short).toBe('the output does not contain "outbound|8000||httpbin.default.svc.cluster.local"');
  });

  test('the first difference is the earliest line with values, not the first one listed', () => {
    const listed = [{ line: 1, reason: 'table at line 1: expected 3 rows, got 2' }, { line: 4, expected: 'b', reason: 'row 3' }, { line: 3, expected: 'a', actual: 'c', reason: 'row 2' }];
    expect(firstDifference(listed)).toBe(listed[2]);
    expect(mismatchFailure(pods, 'auto', [{ reason: 'the output does not match' }])).toMatchObject({ kind: 'output-differs', line: 230, short: 'the output does not match' });
  });
});
