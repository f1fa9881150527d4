export interface DataAsOf { newest: string | null; newestKind: string | null; synthetic: boolean }
