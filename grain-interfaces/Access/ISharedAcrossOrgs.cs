namespace MolDash.GrainInterfaces.Access;

/// <summary>
/// Implemented by org-owned grain classes whose owner may share them with every org (a public pipeline):
/// while <see cref="IsSharedAcrossOrgs"/> holds, members of other orgs may call the interface methods marked
/// <see cref="OpenToOtherOrgsAttribute"/>, and no others.
/// </summary>
public interface ISharedAcrossOrgs : IOrgOwned
{
    bool IsSharedAcrossOrgs { get; }
}
