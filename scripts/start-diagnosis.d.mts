export function desktopNodeProblem(nodeVersion: string, range: string | undefined): string;
export function electronFailure(stderrTail: string): string;
