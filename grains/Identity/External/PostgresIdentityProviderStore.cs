using MolDash.GrainInterfaces.Identity;
using MolDash.Grains.Persistence;
using Npgsql;

namespace MolDash.Grains.Identity.External;

public sealed class PostgresIdentityProviderStore(NpgsqlDataSource dataSource) : IIdentityProviderStore
{
    private const string ProviderColumns = """
        SELECT name, display_name, authority, client_id, client_secret_protected, allowed_domains, default_org_id, default_role,
               enabled, created_at, updated_at
        FROM identity_providers
        """;

    private const string LinkColumns =
        "SELECT id, provider, issuer, subject, user_id, email, linked_at, last_login_at FROM external_identities";

    public async Task<IReadOnlyList<IdentityProviderRecord>> ListAsync()
    {
        await using var command = dataSource.CreateCommand($"{ProviderColumns} ORDER BY name");
        return await ReadProvidersAsync(command);
    }

    public async Task<IdentityProviderRecord?> FindAsync(string name)
    {
        await using var command = dataSource.CreateCommand($"{ProviderColumns} WHERE name = @name");
        command.Parameters.AddWithValue("name", name);
        return (await ReadProvidersAsync(command)).SingleOrDefault();
    }

    public async Task<bool> InsertAsync(IdentityProviderRecord provider)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO identity_providers (name, display_name, authority, client_id, client_secret_protected, allowed_domains,
                default_org_id, default_role, enabled, created_at, updated_at)
            VALUES (@name, @display_name, @authority, @client_id, @secret, @domains, @default_org_id, @default_role, @enabled, @created_at, @updated_at)
            ON CONFLICT (name) DO NOTHING
            """);
        AddProvider(command, provider);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task<bool> UpdateAsync(IdentityProviderRecord provider)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE identity_providers SET display_name = @display_name, authority = @authority, client_id = @client_id,
                client_secret_protected = @secret, allowed_domains = @domains, default_org_id = @default_org_id,
                default_role = @default_role, enabled = @enabled, updated_at = @updated_at
            WHERE name = @name
            """);
        AddProvider(command, provider);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task<bool> DeleteAsync(string name)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM identity_providers WHERE name = @name");
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task<ExternalIdentityLink?> FindLinkAsync(string issuer, string subject)
    {
        await using var command = dataSource.CreateCommand($"{LinkColumns} WHERE issuer = @issuer AND subject = @subject");
        command.Parameters.AddWithValue("issuer", issuer);
        command.Parameters.AddWithValue("subject", subject);
        return (await ReadLinksAsync(command)).SingleOrDefault();
    }

    public async Task<ExternalIdentityLink> LinkAsync(ExternalIdentityLink link)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO external_identities (id, provider, issuer, subject, user_id, email, linked_at)
            VALUES (@id, @provider, @issuer, @subject, @user_id, @email, @linked_at)
            ON CONFLICT (issuer, subject) DO NOTHING
            """);
        command.Parameters.AddWithValue("id", link.Id);
        command.Parameters.AddWithValue("provider", link.Provider);
        command.Parameters.AddWithValue("issuer", link.Issuer);
        command.Parameters.AddWithValue("subject", link.Subject);
        command.Parameters.AddWithValue("user_id", link.UserId);
        command.Parameters.AddWithValue("email", link.Email);
        command.Parameters.AddWithValue("linked_at", link.LinkedAt);
        await command.ExecuteNonQueryAsync();
        return (await FindLinkAsync(link.Issuer, link.Subject))!;
    }

    public async Task TouchLinkAsync(Guid linkId, DateTimeOffset at)
    {
        await using var command = dataSource.CreateCommand("UPDATE external_identities SET last_login_at = @at WHERE id = @id");
        command.Parameters.AddWithValue("id", linkId);
        command.Parameters.AddWithValue("at", at);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<ExternalIdentityLink>> ListLinksAsync(string provider, Guid? userId, KeysetCursor? after, int limit)
    {
        await using var command = dataSource.CreateCommand($"""
            {LinkColumns}
            WHERE provider = @provider AND (@user_id IS NULL OR user_id = @user_id)
              AND (@after_linked IS NULL OR (linked_at, id) > (@after_linked, @after_id))
            ORDER BY linked_at, id
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("provider", provider);
        command.Parameters.Add(new NpgsqlParameter<Guid?>("user_id", userId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("after_linked", after?.CreatedAt));
        command.Parameters.Add(new NpgsqlParameter<Guid>("after_id", after?.Id ?? Guid.Empty));
        command.Parameters.AddWithValue("limit", limit);
        return await ReadLinksAsync(command);
    }

    public async Task<ExternalIdentityLink?> UnlinkAsync(string provider, Guid linkId)
    {
        await using var command = dataSource.CreateCommand("""
            DELETE FROM external_identities WHERE provider = @provider AND id = @id
            RETURNING id, provider, issuer, subject, user_id, email, linked_at, last_login_at
            """);
        command.Parameters.AddWithValue("provider", provider);
        command.Parameters.AddWithValue("id", linkId);
        return (await ReadLinksAsync(command)).SingleOrDefault();
    }

    private static void AddProvider(NpgsqlCommand command, IdentityProviderRecord provider)
    {
        command.Parameters.AddWithValue("name", provider.Name);
        command.Parameters.AddWithValue("display_name", provider.DisplayName);
        command.Parameters.AddWithValue("authority", provider.Authority);
        command.Parameters.AddWithValue("client_id", provider.ClientId);
        command.Parameters.AddWithValue("secret", provider.ProtectedSecret);
        command.Parameters.AddWithValue("domains", provider.AllowedDomains.ToArray());
        command.Parameters.Add(new NpgsqlParameter<Guid?>("default_org_id", provider.DefaultOrgId));
        command.Parameters.Add(new NpgsqlParameter<string?>("default_role", provider.DefaultRole));
        command.Parameters.AddWithValue("enabled", provider.Enabled);
        command.Parameters.AddWithValue("created_at", provider.CreatedAt);
        command.Parameters.AddWithValue("updated_at", provider.UpdatedAt);
    }

    private static async Task<List<IdentityProviderRecord>> ReadProvidersAsync(NpgsqlCommand command)
    {
        var providers = new List<IdentityProviderRecord>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            providers.Add(new IdentityProviderRecord(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<string[]>(5), reader.IsDBNull(6) ? null : reader.GetGuid(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetBoolean(8), reader.GetFieldValue<DateTimeOffset>(9), reader.GetFieldValue<DateTimeOffset>(10)));
        }

        return providers;
    }

    private static async Task<List<ExternalIdentityLink>> ReadLinksAsync(NpgsqlCommand command)
    {
        var links = new List<ExternalIdentityLink>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            links.Add(new ExternalIdentityLink(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetGuid(4), reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return links;
    }
}
