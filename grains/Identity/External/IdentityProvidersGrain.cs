using System.Text.RegularExpressions;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Identity;
using MolDash.GrainInterfaces.Organizations;
using MolDash.Grains.Audit;
using MolDash.Grains.Persistence;
using MolDash.Grains.Users;
using Orleans.Concurrency;

namespace MolDash.Grains.Identity.External;

/// <summary>Root's management of OpenID Connect providers and of the identities linked through them.</summary>
[StatelessWorker]
[GrainType("moldash-identity-providers")]
public sealed partial class IdentityProvidersGrain(
    IIdentityProviderStore store, ProviderSecretProtector secrets, Auditor auditor, TimeProvider time) : Grain, IIdentityProvidersGrain
{
    public const int MaxPageSize = 200;
    private const int MaxDisplayNameLength = 100;
    private const int MaxClientIdLength = 200;
    private const int MaxSecretLength = 2000;
    private const int MaxDomains = 50;

    public async Task<IReadOnlyList<IdentityProviderView>> ListAsync()
    {
        RequireRoot();
        return [.. (await store.ListAsync()).Select(provider => provider.ToView())];
    }

    public async Task<IReadOnlyList<SignInProvider>> ListForSignInAsync() =>
        [.. (await store.ListAsync()).Where(provider => provider.Enabled).Select(provider => new SignInProvider(provider.Name, provider.DisplayName))];

    public async Task<IdentityProviderView> GetAsync(string name)
    {
        RequireRoot();
        return (await ExistingAsync(name)).ToView();
    }

    public async Task<IdentityProviderView> CreateAsync(string name, IdentityProviderSettings settings)
    {
        RequireRoot();
        var errors = new List<FieldError>();
        if (!NamePattern().IsMatch(name ?? ""))
        {
            errors.Add(new FieldError("/name", "1 to 40 lower-case letters, digits and inner hyphens: it is part of the sign-in and callback URLs."));
        }

        if (string.IsNullOrEmpty(settings.ClientSecret))
        {
            errors.Add(new FieldError("/clientSecret", "The client secret the provider issued is required."));
        }

        var valid = await ValidateAsync(settings, errors);
        var now = time.GetUtcNow();
        var provider = valid with { Name = name!, ProtectedSecret = secrets.Protect(name!, settings.ClientSecret!), CreatedAt = now, UpdatedAt = now };
        if (!await store.InsertAsync(provider))
        {
            throw new MolDashException(ErrorKind.Conflict, $"An identity provider named '{name}' already exists.");
        }

        await AuditAsync(AuditActions.IdentityProviderCreated, provider, secretChanged: true);
        return provider.ToView();
    }

    public async Task<IdentityProviderView> UpdateAsync(string name, IdentityProviderSettings settings)
    {
        RequireRoot();
        var existing = await ExistingAsync(name);
        var valid = await ValidateAsync(settings, []);
        var secretChanged = !string.IsNullOrEmpty(settings.ClientSecret);
        var provider = valid with
        {
            Name = existing.Name,
            ProtectedSecret = secretChanged ? secrets.Protect(existing.Name, settings.ClientSecret!) : existing.ProtectedSecret,
            CreatedAt = existing.CreatedAt,
            UpdatedAt = time.GetUtcNow(),
        };
        if (!await store.UpdateAsync(provider))
        {
            throw MolDashException.NotFound($"The identity provider '{name}'");
        }

        await AuditAsync(AuditActions.IdentityProviderUpdated, provider, secretChanged);
        return provider.ToView();
    }

    public async Task DeleteAsync(string name)
    {
        RequireRoot();
        var existing = await ExistingAsync(name);
        if (await store.DeleteAsync(existing.Name))
        {
            await AuditAsync(AuditActions.IdentityProviderDeleted, existing, secretChanged: false);
        }
    }

    public async Task<ExternalIdentityLinkPage> ListLinksAsync(string provider, Guid? userId, string? after, int limit)
    {
        RequireRoot();
        PageSize.Validate(limit, MaxPageSize);
        var cursor = after is null ? null : KeysetCursor.Decode(after);
        await ExistingAsync(provider);
        var links = await store.ListLinksAsync(provider, userId, cursor, limit);
        var next = links.Count == limit ? new KeysetCursor(links[^1].LinkedAt, links[^1].Id).Encode() : null;
        return new ExternalIdentityLinkPage(links, next);
    }

    public async Task UnlinkAsync(string provider, Guid linkId)
    {
        RequireRoot();
        var link = await store.UnlinkAsync(provider, linkId) ?? throw MolDashException.NotFound("The linked identity");
        await auditor.RecordAsync(AuditActions.IdentityUnlinked, link.Id.ToString(), AuditOutcome.Succeeded, details: new Dictionary<string, string?>
        {
            ["provider"] = link.Provider, ["userId"] = link.UserId.ToString(), ["issuer"] = link.Issuer, ["subject"] = link.Subject,
        });
    }

    /// <summary>Every field but the name and the secret, checked and normalised; the secret is the caller's to add.</summary>
    private async Task<IdentityProviderRecord> ValidateAsync(IdentityProviderSettings settings, List<FieldError> errors)
    {
        var displayName = settings.DisplayName?.Trim() ?? "";
        if (displayName.Length is 0 or > MaxDisplayNameLength || displayName.Any(char.IsControl))
        {
            errors.Add(new FieldError("/displayName", $"1 to {MaxDisplayNameLength} printable characters."));
        }

        var authority = settings.Authority?.Trim() ?? "";
        if (!OidcClient.IsAcceptableAuthority(authority))
        {
            errors.Add(new FieldError("/authority", "The provider's issuer: an absolute https URL without query (http only for a provider on this machine)."));
        }

        var clientId = settings.ClientId?.Trim() ?? "";
        if (clientId.Length is 0 or > MaxClientIdLength)
        {
            errors.Add(new FieldError("/clientId", $"The client id the provider issued (1 to {MaxClientIdLength} characters)."));
        }

        if (settings.ClientSecret is { Length: > MaxSecretLength })
        {
            errors.Add(new FieldError("/clientSecret", $"At most {MaxSecretLength} characters."));
        }

        var domains = (settings.AllowedDomains ?? []).Select(domain => domain?.Trim().ToLowerInvariant() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (domains.Count is 0 or > MaxDomains)
        {
            errors.Add(new FieldError("/allowedDomains", $"1 to {MaxDomains} email domains whose users may sign in (such as example.com)."));
        }

        errors.AddRange(domains.Select((domain, i) => (domain, i)).Where(entry => !DomainPattern().IsMatch(entry.domain))
            .Select(entry => new FieldError($"/allowedDomains/{entry.i}", "An email domain such as example.com.")));
        var role = settings.DefaultRole is null ? null : ValidRole(settings.DefaultRole, settings.DefaultOrgId, errors);
        if (settings.DefaultOrgId is { } orgId && !await OrgIsLiveAsync(orgId))
        {
            errors.Add(new FieldError("/defaultOrgId", "No organization has this id."));
        }

        if (errors.Count > 0)
        {
            throw MolDashException.Invalid("The identity provider's settings are not valid.", errors);
        }

        return new IdentityProviderRecord("", displayName, authority.TrimEnd('/'), clientId, "", domains, settings.DefaultOrgId, role, settings.Enabled,
            default, default);
    }

    private static string? ValidRole(string role, Guid? defaultOrgId, List<FieldError> errors)
    {
        if (defaultOrgId is null)
        {
            errors.Add(new FieldError("/defaultRole", "A default role needs a default organization."));
            return null;
        }

        try
        {
            return OrgRoles.Validate([role]).Single();
        }
        catch (MolDashException e)
        {
            errors.Add(new FieldError("/defaultRole", e.Message));
            return null;
        }
    }

    private async Task<bool> OrgIsLiveAsync(Guid orgId)
    {
        try
        {
            return (await GrainFactory.GetGrain<IOrganizationGrain>(orgId).GetAsync()).Status != OrganizationStatus.Deleting;
        }
        catch (MolDashException e) when (e.Kind == ErrorKind.NotFound)
        {
            return false;
        }
    }

    private async Task<IdentityProviderRecord> ExistingAsync(string name) =>
        await store.FindAsync(name ?? "") ?? throw MolDashException.NotFound($"The identity provider '{name}'");

    private Task AuditAsync(string action, IdentityProviderRecord provider, bool secretChanged) =>
        auditor.RecordAsync(action, provider.Name, AuditOutcome.Succeeded, details: new Dictionary<string, string?>
        {
            ["authority"] = provider.Authority,
            ["clientId"] = provider.ClientId,
            ["allowedDomains"] = string.Join(',', provider.AllowedDomains),
            ["defaultOrgId"] = provider.DefaultOrgId?.ToString(),
            ["defaultRole"] = provider.DefaultRole,
            ["enabled"] = provider.Enabled.ToString(),
            ["secretChanged"] = secretChanged.ToString(),
        });

    private static void RequireRoot()
    {
        if (CallerContext.Current?.IsRoot != true)
        {
            throw new MolDashException(ErrorKind.Forbidden, "Only Root configures identity providers.");
        }
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex DomainPattern();
}
