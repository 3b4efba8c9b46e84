namespace MolDash.Api.Contracts;

public sealed record PinRequest(bool Pinned);
