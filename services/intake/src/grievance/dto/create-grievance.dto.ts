// The register DTO is shared with the NATS command (libs/contracts), so every door validates alike.
export { RegisterGrievance as CreateGrievanceDto, PetitionerInput } from '@yikouban/contracts';
