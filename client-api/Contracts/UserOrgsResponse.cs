using MolDash.GrainInterfaces.Identity;

namespace MolDash.Api.Contracts;

/// <param name="CurrentOrgId">The org the access token is for.</param>
public sealed record UserOrgsResponse(Guid? CurrentOrgId, IReadOnlyList<UserOrg> Items);
