using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;
using Npgsql;

namespace MolDash.Integration.Tests.Api;

/// <summary>
/// Sign-in through an OpenID Connect provider Root configured, against a real provider (OpenIddict) on
/// loopback, driven as a browser would: redirects followed, cookies kept.
/// </summary>
[Collection(PlatformTestGroup.Name)]
public sealed class ExternalSignInTests(PlatformFixture fixture) : IAsyncLifetime
{
    private const string Domain = "corp.test";
    private readonly PlatformUnderTest platform = fixture.Platform;
    private readonly string provider = $"idp-{Guid.NewGuid():N}"[..20];
    private TestIdentityProvider identityProvider = null!;

    private string CallbackUrl => new Uri(platform.ApiAddress, $"/api/v1/auth/external/{provider}/callback").ToString();

    public async Task InitializeAsync()
    {
        identityProvider = await TestIdentityProvider.StartAsync(CallbackUrl);
        using var root = platform.CreateClient(fixture.RootToken);
        using var created = await root.PostAsJsonAsync("/api/v1/identity-providers", Settings(name: provider));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    public async Task DisposeAsync() => await identityProvider.DisposeAsync();

    [Fact]
    public async Task The_first_sign_in_links_by_verified_email_and_answers_like_a_password_sign_in()
    {
        var (orgId, userId, email) = await MemberAsync();
        var subject = identityProvider.AddUser(email);

        using var first = await SignInAsync(email);
        using var second = await SignInAsync(email);

        Assert.Equal(HttpStatusCode.OK, first.Response.StatusCode);
        var tokens = await first.Response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", tokens.GetProperty("tokenType").GetString());
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("refreshToken").GetString()));
        Assert.Contains(first.Cookies.GetCookies(platform.ApiAddress), cookie => cookie.Name == "moldash_access");
        using var signedIn = platform.CreateClient(tokens.GetProperty("accessToken").GetString());
        var me = await signedIn.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal(userId, me.GetProperty("userId").GetGuid());
        Assert.Equal(orgId, me.GetProperty("orgId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync($"/api/v1/orgs/{orgId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.Response.StatusCode);

        using var root = platform.CreateClient(fixture.RootToken);
        var links = await root.GetFromJsonAsync<JsonElement>($"/api/v1/identity-providers/{provider}/links");
        var link = Assert.Single(links.GetProperty("items").EnumerateArray());
        Assert.Equal(userId, link.GetProperty("userId").GetGuid());
        Assert.Equal(subject, link.GetProperty("subject").GetString());
        Assert.Equal(identityProvider.Authority.ToString().TrimEnd('/'), link.GetProperty("issuer").GetString()!.TrimEnd('/'));
        Assert.NotEqual(JsonValueKind.Null, link.GetProperty("lastLoginAt").ValueKind);
        var audit = await root.GetFromJsonAsync<JsonElement>($"/api/v1/audit?orgId={orgId}&action=auth.login.external");
        Assert.Equal(2, audit.GetProperty("items").GetArrayLength());
        var linked = await root.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=idp.link&target={link.GetProperty("id").GetGuid()}");
        Assert.Single(linked.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_user_of_a_domain_the_provider_does_not_allow_is_refused_even_when_linked_before()
    {
        var (_, _, email) = await MemberAsync();
        identityProvider.AddUser(email);
        using var linked = await SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, linked.Response.StatusCode);
        using var root = platform.CreateClient(fixture.RootToken);
        (await root.PutAsJsonAsync($"/api/v1/identity-providers/{provider}", Settings(domains: ["elsewhere.test"]))).EnsureSuccessStatusCode();

        using var refused = await SignInAsync(email);

        var problem = await refused.Response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains($"Accounts of {Domain} may not sign in", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(refused.Cookies.GetCookies(platform.ApiAddress), cookie => cookie.Name == "moldash_access");
    }

    [Fact]
    public async Task An_unverified_email_is_refused_and_nothing_is_linked()
    {
        var (_, _, email) = await MemberAsync();
        identityProvider.AddUser(email, emailVerified: false);

        using var refused = await SignInAsync(email);

        var problem = await refused.Response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("verified email", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await LinkCountAsync());
    }

    [Fact]
    public async Task An_identity_whose_email_has_no_account_is_refused_with_a_clear_message()
    {
        var email = $"stranger-{Guid.NewGuid():N}@{Domain}";
        identityProvider.AddUser(email);

        using var refused = await SignInAsync(email);

        var problem = await refused.Response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal($"No MolDash account has the email {email}: ask an Admin of your organization to add you, then sign in again.",
            problem.GetProperty("detail").GetString());
        Assert.Equal(0, await LinkCountAsync());
    }

    [Fact]
    public async Task A_tampered_state_is_refused()
    {
        var (_, _, email) = await MemberAsync();
        identityProvider.AddUser(email);
        using var browser = new ManualBrowser();

        var callback = await browser.ToCallbackAsync(LoginUrl(email));
        using var tampered = await browser.GetAsync(WithQuery(callback, "state", "forged-state-value"));

        var problem = await tampered.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("state does not match", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_nonce_is_refused()
    {
        var (_, _, email) = await MemberAsync();
        identityProvider.AddUser(email);
        using var browser = new ManualBrowser();

        using var toProvider = await browser.GetAsync(LoginUrl(email));
        using var atProvider = await browser.GetAsync(WithQuery(toProvider.Headers.Location!, "nonce", "forged-nonce"));
        using var refused = await browser.GetAsync(atProvider.Headers.Location!);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("nonce", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await LinkCountAsync());
    }

    [Fact]
    public async Task A_callback_replayed_or_brought_by_another_browser_is_refused()
    {
        var (_, _, email) = await MemberAsync();
        identityProvider.AddUser(email);
        using var victim = new ManualBrowser();
        using var attacker = new ManualBrowser();

        var callback = await victim.ToCallbackAsync(LoginUrl(email));
        using var elsewhere = await attacker.GetAsync(callback);
        var again = await victim.ToCallbackAsync(LoginUrl(email));
        using var first = await victim.GetAsync(again);
        using var replayed = await victim.GetAsync(again);

        var problem = await elsewhere.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("not started in this browser", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await replayed.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Root_unlinks_an_identity_which_links_again_at_its_next_sign_in_and_is_refused_once_its_org_is_gone()
    {
        var (orgId, userId, email) = await MemberAsync();
        identityProvider.AddUser(email);
        using var root = platform.CreateClient(fixture.RootToken);
        (await SignInAsync(email)).Dispose();
        var firstLink = (await root.GetFromJsonAsync<JsonElement>($"/api/v1/identity-providers/{provider}/links?userId={userId}"))
            .GetProperty("items")[0].GetProperty("id").GetGuid();

        using var unlinked = await root.DeleteAsync($"/api/v1/identity-providers/{provider}/links/{firstLink}");
        var afterUnlink = await LinkCountAsync();
        using var relinked = await SignInAsync(email);
        var secondLink = (await root.GetFromJsonAsync<JsonElement>($"/api/v1/identity-providers/{provider}/links?userId={userId}"))
            .GetProperty("items")[0].GetProperty("id").GetGuid();
        using var unknownLink = await root.DeleteAsync($"/api/v1/identity-providers/{provider}/links/{firstLink}");
        (await root.DeleteAsync($"/api/v1/orgs/{orgId}")).EnsureSuccessStatusCode();
        using var orphan = await SignInAsync(email);

        Assert.Equal(HttpStatusCode.NoContent, unlinked.StatusCode);
        Assert.Equal(0, afterUnlink);
        Assert.Equal(HttpStatusCode.OK, relinked.Response.StatusCode);
        Assert.NotEqual(firstLink, secondLink);
        await unknownLink.AssertProblemAsync(HttpStatusCode.NotFound);
        var problem = await orphan.Response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("no active membership", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var audit = await root.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=idp.unlink&target={firstLink}");
        Assert.Single(audit.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_default_org_and_role_let_an_existing_account_join_and_sign_in_there()
    {
        var (_, userId, email) = await MemberAsync();
        identityProvider.AddUser(email);
        using var root = platform.CreateClient(fixture.RootToken);
        using var created = await root.PostAsJsonAsync("/api/v1/orgs", new { name = $"Default {Guid.NewGuid():N}" });
        var defaultOrg = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await root.PutAsJsonAsync($"/api/v1/identity-providers/{provider}", Settings(defaultOrgId: defaultOrg, defaultRole: "standard"))).EnsureSuccessStatusCode();

        using var signedIn = await SignInAsync(email);

        var tokens = await signedIn.Response.Content.ReadFromJsonAsync<JsonElement>();
        using var member = platform.CreateClient(tokens.GetProperty("accessToken").GetString());
        var me = await member.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal(defaultOrg, me.GetProperty("orgId").GetGuid());
        Assert.Equal(["standard"], me.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        var joined = await root.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/{defaultOrg}/users/{userId}");
        Assert.Equal(["standard"], joined.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
    }

    [Fact]
    public async Task The_sign_in_page_lists_the_enabled_providers_by_name_and_display_name_only()
    {
        using var anonymous = platform.CreateClient();
        using var root = platform.CreateClient(fixture.RootToken);

        using var listed = await anonymous.GetAsync("/api/v1/auth/external/providers");
        var body = await listed.Content.ReadAsStringAsync();
        (await root.PutAsJsonAsync($"/api/v1/identity-providers/{provider}", Settings(enabled: false))).EnsureSuccessStatusCode();
        var afterDisabling = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/auth/external/providers");

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var entry = JsonDocument.Parse(body).RootElement.EnumerateArray().Single(item => item.GetProperty("name").GetString() == provider);
        Assert.Equal(["name", "displayName"], entry.EnumerateObject().Select(property => property.Name));
        Assert.Equal("Test provider", entry.GetProperty("displayName").GetString());
        foreach (var hidden in new[] { TestIdentityProvider.ClientId, TestIdentityProvider.ClientSecret, identityProvider.Authority.Authority })
        {
            Assert.DoesNotContain(hidden, body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(afterDisabling.EnumerateArray(), item => item.GetProperty("name").GetString() == provider);
    }

    [Fact]
    public async Task A_dashboard_sign_in_comes_back_to_the_dashboard_which_picks_up_its_tokens_once()
    {
        var (orgId, userId, email) = await MemberAsync();
        identityProvider.AddUser(email);
        using var signIn = await DashboardSignInAsync(email, "/#/jobs?status=Running");
        var (back, result, again) = signIn;

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/#/jobs?status=Running", back.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        var tokens = await result.Content.ReadFromJsonAsync<JsonElement>();
        var accessToken = tokens.GetProperty("accessToken").GetString()!;
        Assert.DoesNotContain(accessToken, back.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.GetProperty("refreshToken").GetString()!, back.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var signedIn = platform.CreateClient(accessToken);
        var me = await signedIn.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal(userId, me.GetProperty("userId").GetGuid());
        Assert.Equal(orgId, me.GetProperty("orgId").GetGuid());
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
    }

    [Fact]
    public async Task A_refused_dashboard_sign_in_goes_back_to_the_sign_in_page_which_is_told_why_once()
    {
        var email = $"stranger-{Guid.NewGuid():N}@{Domain}";
        identityProvider.AddUser(email);
        using var signIn = await DashboardSignInAsync(email, "/#/jobs");
        var (back, result, again) = signIn;

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/#/login?returnTo=%2Fjobs", back.Headers.Location?.OriginalString);
        var problem = await result.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal($"No MolDash account has the email {email}: ask an Admin of your organization to add you, then sign in again.",
            problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
    }

    [Fact]
    public async Task A_dashboard_sign_in_through_a_disabled_provider_goes_back_to_the_sign_in_page_with_the_reason()
    {
        using var root = platform.CreateClient(fixture.RootToken);
        (await root.PutAsJsonAsync($"/api/v1/identity-providers/{provider}", Settings(enabled: false))).EnsureSuccessStatusCode();
        using var browser = new ManualBrowser();

        using var start = await browser.GetAsync(LoginUrl("someone@corp.test", returnTo: "/"));
        using var result = await browser.PostAsync(ResultUrl);

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/#/login", start.Headers.Location?.OriginalString);
        var problem = await result.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains($"'{provider}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// returnTo must be the dashboard on this site; anything else is refused with a 422 before the provider is
    /// involved, rather than ignored, so a mistake in a link is seen instead of landing somewhere unexpected.
    /// </summary>
    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/#/jobs")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/api/v1/auth/me")]
    [InlineData("/#/jobs\r\nLocation: https://evil.example/")]
    [InlineData("/#/jobs\\..\\evil")]
    public async Task A_return_path_off_the_dashboard_is_refused_with_a_422_and_no_redirect(string returnTo)
    {
        using var browser = new ManualBrowser();

        using var refused = await browser.GetAsync(LoginUrl($"member@{Domain}", returnTo));

        var problem = await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("returnTo", out _), problem.ToString());
        Assert.Null(refused.Headers.Location);
    }

    [Fact]
    public async Task Root_manages_providers_whose_client_secret_is_never_shown_nor_stored_in_plain_text()
    {
        using var root = platform.CreateClient(fixture.RootToken);
        var name = $"crud-{Guid.NewGuid():N}"[..20];

        using var created = await root.PostAsJsonAsync("/api/v1/identity-providers", Settings(name: name));
        using var duplicate = await root.PostAsJsonAsync("/api/v1/identity-providers", Settings(name: name));
        var read = await root.GetStringAsync($"/api/v1/identity-providers/{name}");
        var listed = await root.GetStringAsync("/api/v1/identity-providers");
        using var renamed = await root.PutAsJsonAsync($"/api/v1/identity-providers/{name}", Settings(displayName: "Renamed", secret: null));
        var stored = await StoredSecretAsync(name);
        var audit = await root.GetStringAsync($"/api/v1/audit?action=idp.create&target={name}");
        using var deleted = await root.DeleteAsync($"/api/v1/identity-providers/{name}");
        using var gone = await root.GetAsync($"/api/v1/identity-providers/{name}");
        using var signIn = await platform.CreateClient().GetAsync($"/api/v1/auth/external/{name}/login");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/identity-providers/{name}", created.Headers.Location?.ToString());
        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict);
        foreach (var body in new[] { await created.Content.ReadAsStringAsync(), read, listed, await renamed.Content.ReadAsStringAsync(), audit })
        {
            Assert.DoesNotContain(TestIdentityProvider.ClientSecret, body, StringComparison.Ordinal);
            Assert.DoesNotContain("clientSecret", body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal("Renamed", (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString());
        Assert.StartsWith("aesgcm1:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(TestIdentityProvider.ClientSecret, stored, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await gone.AssertProblemAsync(HttpStatusCode.NotFound);
        await signIn.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"name":"Bad Name!","displayName":"x","authority":"https://idp.example.com","clientId":"c","clientSecret":"s","allowedDomains":["example.com"]}""", "/name")]
    [InlineData("""{"name":"n","displayName":"x","authority":"http://idp.example.com","clientId":"c","clientSecret":"s","allowedDomains":["example.com"]}""", "/authority")]
    [InlineData("""{"name":"n","displayName":"x","authority":"https://idp.example.com","clientId":"","clientSecret":"s","allowedDomains":["example.com"]}""", "/clientId")]
    [InlineData("""{"name":"n","displayName":"x","authority":"https://idp.example.com","clientId":"c","allowedDomains":["example.com"]}""", "/clientSecret")]
    [InlineData("""{"name":"n","displayName":"x","authority":"https://idp.example.com","clientId":"c","clientSecret":"s","allowedDomains":[]}""", "/allowedDomains")]
    [InlineData("""{"name":"n","displayName":"x","authority":"https://idp.example.com","clientId":"c","clientSecret":"s","allowedDomains":["not a domain"]}""", "/allowedDomains/0")]
    [InlineData("""{"name":"n","displayName":"x","authority":"https://idp.example.com","clientId":"c","clientSecret":"s","allowedDomains":["example.com"],"defaultRole":"standard"}""", "/defaultRole")]
    [InlineData("""{"name":"n","displayName":"x","authority":"https://idp.example.com","clientId":"c","clientSecret":"s","allowedDomains":["example.com"],"defaultOrgId":"6a1f7f0e-1111-4444-8888-000000000000"}""", "/defaultOrgId")]
    public async Task Invalid_provider_settings_are_a_422_naming_the_field(string body, string field)
    {
        using var root = platform.CreateClient(fixture.RootToken);

        using var response = await root.PostAsync("/api/v1/identity-providers", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_disabled_unknown_or_unreachable_provider_cannot_start_a_sign_in()
    {
        using var root = platform.CreateClient(fixture.RootToken);
        using var anonymous = platform.CreateClient();
        var unreachable = $"down-{Guid.NewGuid():N}"[..20];
        (await root.PostAsJsonAsync("/api/v1/identity-providers", Settings(name: unreachable, authority: $"http://127.0.0.1:{FreePort.Next()}"))).EnsureSuccessStatusCode();
        (await root.PutAsJsonAsync($"/api/v1/identity-providers/{provider}", Settings(enabled: false))).EnsureSuccessStatusCode();

        using var disabled = await anonymous.GetAsync($"/api/v1/auth/external/{provider}/login");
        using var unknown = await anonymous.GetAsync("/api/v1/auth/external/no-such-provider/login");
        using var down = await anonymous.GetAsync($"/api/v1/auth/external/{unreachable}/login");
        using var noState = await anonymous.GetAsync($"/api/v1/auth/external/{provider}/callback?code=abc");

        await disabled.AssertProblemAsync(HttpStatusCode.NotFound);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        var problem = await down.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("could not be reached", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await noState.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private object Settings(
        string? name = null, string? displayName = "Test provider", string? authority = null, string? secret = TestIdentityProvider.ClientSecret,
        string[]? domains = null, Guid? defaultOrgId = null, string? defaultRole = null, bool enabled = true) => new
    {
        name,
        displayName,
        authority = authority ?? identityProvider.Authority.ToString(),
        clientId = TestIdentityProvider.ClientId,
        clientSecret = secret,
        allowedDomains = domains ?? [Domain],
        defaultOrgId,
        defaultRole,
        enabled,
    };

    /// <summary>A new org with a Standard member of the allowed domain (made by Root, with a password they never use here).</summary>
    private async Task<(Guid OrgId, Guid UserId, string Email)> MemberAsync()
    {
        using var root = platform.CreateClient(fixture.RootToken);
        var email = $"member-{Guid.NewGuid():N}@{Domain}";
        using var org = await root.PostAsJsonAsync("/api/v1/orgs", new { name = $"Sso {Guid.NewGuid():N}", admin = new { email } });
        var created = await org.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetGuid(), created.GetProperty("initialAdmin").GetProperty("userId").GetGuid(), email);
    }

    private string ResultUrl => new Uri(platform.ApiAddress, "/api/v1/auth/external/result").ToString();

    private string LoginUrl(string loginHint, string? returnTo = null) => new Uri(platform.ApiAddress,
        $"/api/v1/auth/external/{provider}/login?loginHint={Uri.EscapeDataString(loginHint)}"
        + (returnTo is null ? "" : $"&returnTo={Uri.EscapeDataString(returnTo)}")).ToString();

    /// <summary>The whole flow as a browser follows it: to the provider, back to the callback, with cookies.</summary>
    private async Task<SignInResult> SignInAsync(string loginHint)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true };
        using var browser = new HttpClient(handler);
        return new SignInResult(await browser.GetAsync(LoginUrl(loginHint)), cookies);
    }

    /// <summary>
    /// A sign-in the dashboard starts: the browser comes back from the callback, then the sign-in page asks for
    /// the outcome, and asks again as a reload would.
    /// </summary>
    private async Task<DashboardSignIn> DashboardSignInAsync(string email, string returnTo)
    {
        using var browser = new ManualBrowser();
        var callback = await browser.ToCallbackAsync(LoginUrl(email, returnTo));
        var back = await browser.GetAsync(callback);
        var result = await browser.PostAsync(ResultUrl);
        return new DashboardSignIn(back, result, await browser.PostAsync(ResultUrl));
    }

    private async Task<long> LinkCountAsync()
    {
        await using var connection = new NpgsqlConnection(platform.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM external_identities WHERE provider = @provider", connection);
        command.Parameters.AddWithValue("provider", provider);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<string> StoredSecretAsync(string name)
    {
        await using var connection = new NpgsqlConnection(platform.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT client_secret_protected FROM identity_providers WHERE name = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static Uri WithQuery(Uri uri, string parameter, string value)
    {
        var query = HttpUtility.ParseQueryString(uri.Query);
        query[parameter] = value;
        return new UriBuilder(uri) { Query = query.ToString() }.Uri;
    }

    private sealed record SignInResult(HttpResponseMessage Response, CookieContainer Cookies) : IDisposable
    {
        public void Dispose() => Response.Dispose();
    }

    private sealed record DashboardSignIn(HttpResponseMessage Back, HttpResponseMessage Result, HttpResponseMessage Again) : IDisposable
    {
        public void Dispose()
        {
            Back.Dispose();
            Result.Dispose();
            Again.Dispose();
        }
    }

    /// <summary>A browser that stops at every redirect, so a test can change what it carries.</summary>
    private sealed class ManualBrowser : IDisposable
    {
        private readonly HttpClient client = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });

        public Task<HttpResponseMessage> GetAsync(Uri url) => client.GetAsync(url);

        public Task<HttpResponseMessage> GetAsync(string url) => client.GetAsync(new Uri(url));

        public Task<HttpResponseMessage> PostAsync(string url) => client.PostAsync(new Uri(url), content: null);

        /// <summary>Follows the sign-in to the provider and stops before the callback: its URL, with code and state.</summary>
        public async Task<Uri> ToCallbackAsync(string loginUrl)
        {
            using var toProvider = await GetAsync(loginUrl);
            Assert.Equal(HttpStatusCode.Redirect, toProvider.StatusCode);
            using var atProvider = await GetAsync(toProvider.Headers.Location!);
            Assert.Equal(HttpStatusCode.Redirect, atProvider.StatusCode);
            return atProvider.Headers.Location!;
        }

        public void Dispose() => client.Dispose();
    }
}
