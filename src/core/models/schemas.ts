/** The models feature's client-facing shapes live in the contract. */
export * from '@shared/contract/models'
