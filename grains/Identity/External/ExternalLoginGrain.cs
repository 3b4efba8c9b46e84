using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Identity;
using MolDash.GrainInterfaces.Users;
using MolDash.Grains.Audit;
using MolDash.Grains.Identity.Sessions;
using MolDash.Grains.Users;

namespace MolDash.Grains.Identity.External;

/// <summary>
/// One external sign-in, keyed by its state value. The state, the nonce and the PKCE verifier tie the
/// provider's answer to this sign-in; the browser binding ties it to the browser that started it. The user
/// is found by the identity's link, else by its verified email (and linked then); policy (verified email,
/// allowed domain, enabled account) is checked at every sign-in, not only the first.
/// </summary>
[GrainType("moldash-external-login")]
public sealed class ExternalLoginGrain(
    IIdentityProviderStore providers,
    ProviderSecretProtector secrets,
    OidcClient oidc,
    IUserAccounts accounts,
    IOrgMemberships memberships,
    RefreshTokens tokens,
    Auditor auditor,
    IOptions<IdentityProviderOptions> options,
    TimeProvider time) : Grain, IExternalLoginGrain
{
    private const int SecretBytes = 32;
    private PendingSignIn? pending;
    private bool finished;

    public async Task<string> BeginAsync(ExternalLoginStart start)
    {
        if (pending is not null || finished)
        {
            throw new MolDashException(ErrorKind.Conflict, "This sign-in was already started; start a new one.");
        }

        var provider = await EnabledProviderAsync(start.Provider);
        var nonce = RandomSecrets.UrlSafe(SecretBytes);
        var verifier = RandomSecrets.UrlSafe(SecretBytes);
        var url = await oidc.AuthorizationUrlAsync(provider, start.RedirectUri, this.GetPrimaryKeyString(), nonce, verifier, start.LoginHint);
        var lifetime = options.Value.SignInLifetime;
        pending = new PendingSignIn(provider.Name, start.RedirectUri, nonce, verifier, Hash(start.BrowserBinding), start.OrgId, time.GetUtcNow() + lifetime);
        // Kept in memory only: the activation must outlive the time the person takes at the provider.
        DelayDeactivation(lifetime + TimeSpan.FromMinutes(1));
        return url;
    }

    public async Task<SignedIn> CompleteAsync(ExternalLoginCompletion completion)
    {
        // One answer per sign-in, whatever it is: a replayed callback finds nothing.
        var flow = pending;
        pending = null;
        finished = true;
        DeactivateOnIdle();
        if (flow is null || flow.ExpiresAt < time.GetUtcNow())
        {
            throw await RefuseAsync(completion.Provider, "state", ErrorKind.Unauthenticated,
                "This sign-in is unknown, expired or already finished (its state does not match); start it again.");
        }

        if (flow.Provider != completion.Provider || !CryptographicOperations.FixedTimeEquals(flow.BrowserBindingHash, Hash(completion.BrowserBinding)))
        {
            throw await RefuseAsync(completion.Provider, "browser", ErrorKind.Unauthenticated,
                "This sign-in was not started in this browser; start it again.");
        }

        if (completion.Error is { } error)
        {
            throw await RefuseAsync(flow.Provider, "provider-error", ErrorKind.Unauthenticated,
                $"The identity provider did not sign you in: {error}{(completion.ErrorDescription is { } why ? $" ({why})" : "")}.");
        }

        if (string.IsNullOrEmpty(completion.Code))
        {
            throw await RefuseAsync(flow.Provider, "code", ErrorKind.Unauthenticated, "The identity provider sent no authorization code; start the sign-in again.");
        }

        var provider = await EnabledProviderAsync(flow.Provider);
        ValidatedIdentity identity;
        try
        {
            identity = await oidc.RedeemAsync(provider, secrets.Unprotect(provider.Name, provider.ProtectedSecret), completion.Code,
                flow.RedirectUri, flow.CodeVerifier, flow.Nonce);
        }
        catch (MolDashException e) when (e.Kind == ErrorKind.Unauthenticated)
        {
            throw await RefuseAsync(provider.Name, "token", e.Kind, e.Message);
        }

        var (account, link) = await AccountOfAsync(provider, identity);
        return await SignInAsync(provider, account, link, flow.OrgId);
    }

    /// <summary>The account the identity signs in as: through its link, or by its verified email, which links it.</summary>
    private async Task<(UserAccount Account, ExternalIdentityLink Link)> AccountOfAsync(IdentityProviderRecord provider, ValidatedIdentity identity)
    {
        if (EmailAddresses.Normalize(identity.Email) is not { } email || !identity.EmailVerified)
        {
            throw await RefuseAsync(provider.Name, "unverified-email", ErrorKind.Forbidden,
                "The identity provider did not confirm a verified email address for this account, so it cannot sign in to MolDash.", identity.Email);
        }

        if (!provider.AllowedDomains.Contains(EmailAddresses.DomainOf(email), StringComparer.Ordinal))
        {
            throw await RefuseAsync(provider.Name, "domain", ErrorKind.Forbidden,
                $"Accounts of {EmailAddresses.DomainOf(email)} may not sign in through {provider.DisplayName}.", email);
        }

        var link = await providers.FindLinkAsync(identity.Issuer, identity.Subject);
        var account = link is null ? await accounts.FindByEmailAsync(email) : await accounts.FindByIdAsync(link.UserId);
        if (account is null)
        {
            throw await RefuseAsync(provider.Name, "no-account", ErrorKind.Forbidden,
                $"No MolDash account has the email {email}: ask an Admin of your organization to add you, then sign in again.", email);
        }

        if (account.IsRoot || account.Disabled)
        {
            throw await RefuseAsync(provider.Name, account.IsRoot ? "root" : "disabled", ErrorKind.Forbidden,
                account.IsRoot ? "The Root account signs in with its password only." : "This account is disabled.", email);
        }

        if (link is null)
        {
            link = await providers.LinkAsync(new ExternalIdentityLink(
                Guid.NewGuid(), provider.Name, identity.Issuer, identity.Subject, account.Id, email, time.GetUtcNow(), null));
            await auditor.RecordAsync(AuditActions.IdentityLinked, link.Id.ToString(), AuditOutcome.Succeeded, actorId: account.Id, actorEmail: email,
                details: new Dictionary<string, string?> { ["provider"] = provider.Name, ["issuer"] = identity.Issuer, ["subject"] = identity.Subject, ["by"] = "verified-email" });
        }

        return (account, link);
    }

    /// <summary>
    /// Into the org asked for; else the provider's default org (joining it with the default role when the
    /// provider gives one); else the user's only org.
    /// </summary>
    private async Task<SignedIn> SignInAsync(IdentityProviderRecord provider, UserAccount account, ExternalIdentityLink link, Guid? orgId)
    {
        var active = await memberships.ActiveMembershipsAsync(account.Id);
        var wanted = orgId;
        if (wanted is null && provider.DefaultOrgId is { } defaultOrg)
        {
            if (active.All(membership => membership.OrgId != defaultOrg) && provider.DefaultRole is { } role && await JoinAsync(provider, account, defaultOrg, role))
            {
                active = await memberships.ActiveMembershipsAsync(account.Id);
            }

            wanted = active.Any(membership => membership.OrgId == defaultOrg) ? defaultOrg : null;
        }

        var chosen = CredentialGrain.ChooseMembership(active, wanted)
            ?? throw await RefuseAsync(provider.Name, "membership", ErrorKind.Forbidden,
                "Your account has no active membership in " + (wanted is null ? "any organization." : "that organization."), account.Email);
        await providers.TouchLinkAsync(link.Id, time.GetUtcNow());
        await auditor.RecordAsync(AuditActions.ExternalLogin, account.Email, AuditOutcome.Succeeded, chosen.OrgId, actorId: account.Id, actorEmail: account.Email,
            details: new Dictionary<string, string?> { ["provider"] = provider.Name, ["link"] = link.Id.ToString() });
        return await tokens.StartAsync(chosen.SignedIn(account.Id, account.Email));
    }

    private async Task<bool> JoinAsync(IdentityProviderRecord provider, UserAccount account, Guid orgId, string role)
    {
        try
        {
            await memberships.AddAsync(orgId, account, account.Email, [role], time.GetUtcNow());
        }
        catch (MolDashException e) when (e.Kind == ErrorKind.Conflict)
        {
            // A membership exists (disabled): an Admin decided about it, the provider does not override them.
            return false;
        }

        await GrainFactory.GetGrain<IMembershipGrain>(MembershipKey.For(orgId, account.Id)).InvalidateAsync();
        await auditor.RecordAsync(AuditActions.UserCreated, account.Id.ToString(), AuditOutcome.Succeeded, orgId, actorId: account.Id, actorEmail: account.Email,
            details: new Dictionary<string, string?> { ["email"] = account.Email, ["roles"] = role, ["newAccount"] = "False", ["by"] = provider.Name });
        return true;
    }

    private async Task<IdentityProviderRecord> EnabledProviderAsync(string name) =>
        await providers.FindAsync(name) is { Enabled: true } provider
            ? provider
            : throw MolDashException.NotFound($"The identity provider '{name}'");

    private async Task<MolDashException> RefuseAsync(string provider, string reason, ErrorKind kind, string message, string? email = null)
    {
        await auditor.RecordAsync(AuditActions.ExternalLogin, email, kind == ErrorKind.Forbidden ? AuditOutcome.Denied : AuditOutcome.Failed,
            actorEmail: email, details: new Dictionary<string, string?> { ["provider"] = provider, ["reason"] = reason });
        return new MolDashException(kind, message);
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
