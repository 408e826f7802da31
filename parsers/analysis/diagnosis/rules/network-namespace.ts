import type { DiagnosisRule } from '../types.js';
import { contextSays, namespaceCall } from './namespace-kit.js';
import {
  callName,
  evidenceOf,
  findMessage,
  outcomeDiffers,
  quoteMessage,
  subjectFailures,
} from './rule-kit.js';

const NETWORK_ERRNOS = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'ECONNREFUSED', 'EADDRNOTAVAIL', 'ENETDOWN']);
const NETWORK_CALLS = new Set([
  'socket',
  'connect',
  'sendto',
  'sendmsg',
  'recvmsg',
  'recvfrom',
  'bind',
  'ioctl',
]);

/**
 * A new network namespace starts with one interface, lo, and it is down: no address, no route. A
 * connect() there fails with ENETUNREACH; `ip addr` lists lo only.
 *
 *   unshare(CLONE_NEWNET) = 0
 *   connect(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("1.1.1.1")}, 16) = -1 ENETUNREACH
 */
export const networkNamespace: DiagnosisRule = {
  id: 'network-namespace',
  level: 'cause',
  detect(ctx) {
    if (!outcomeDiffers(ctx)) return null;
    const run = ctx.subject;
    const ns = namespaceCall(run, 'CLONE_NEWNET');
    const inNs = ns >= 0 || contextSays(run, 'net');
    const failure = subjectFailures(ctx, true).find((d) => d.errno !== null && NETWORK_ERRNOS.has(d.errno));
    if (!inNs && !failure) return null;
    if (!inNs) {
      return {
        rule: 'network-namespace',
        confidence: 'possible',
        cause: `${callName(failure!)} fails with ${failure!.errno} ${run.where}: the network is unreachable from there`,
        evidence: evidenceOf(ctx, [failure!.i], [failure!.other]),
      };
    }
    // The program's error says what the kernel or the resolver answered (strerror(ENETUNREACH) is "Network
    // is unreachable"); words like "connect" alone also match a traceback's code lines ("self.connect()").
    const message = findMessage(ctx, (text) =>
      /unreachable|no route to host|connection refused|network is down|name resolution|name or service not known|could not resolve|resolve host/i.test(
        text,
      ),
    );
    // What the program did on the network in the namespace: its failing call, else its first network call
    // that went otherwise. A program that never touches the network is not changed by the namespace.
    const netCall = failure ?? ctx.divergences.find((d) => d.side === run.side && NETWORK_CALLS.has(d.name));
    if (!netCall && !message) return null;
    return {
      rule: 'network-namespace',
      confidence: failure || message ? 'certain' : 'likely',
      cause:
        `${run.label} runs in a new network namespace, which has only the loopback interface lo: no other ` +
        `interface and no route out` +
        (failure ? `, so ${callName(failure)} fails with ${failure.errno}` : '') +
        // A new namespace's lo is down until someone runs `ip link set lo up`: with no route even for
        // 127.0.0.0/8, a connect to 127.0.0.1 fails with ENETUNREACH too.
        (failure?.errno === 'ENETUNREACH' && /^127\./.test(failure.path)
          ? ' (lo is down there, so even 127.0.0.1 has no route)'
          : '') +
        (message ? ` and the program says ${quoteMessage(message.text)}` : ''),
      evidence: evidenceOf(ctx, [netCall?.i, ns, message?.i], [netCall?.other]),
    };
  },
};
