using MolDash.GrainInterfaces.Invitations;
using MolDash.Grains.Identity;
using MolDash.Grains.Persistence;
using MolDash.Grains.Users;
using Npgsql;

namespace MolDash.Grains.Invitations;

public sealed class PostgresInvitationStore(NpgsqlDataSource dataSource) : IInvitationStore
{
    private const string SelectInvitation = """
        SELECT i.id, i.org_id, i.email, i.display_name, i.roles, i.permissions_granted, i.permissions_withheld,
               CASE WHEN i.accepted_at IS NOT NULL THEN 1 WHEN i.revoked_at IS NOT NULL THEN 2 WHEN i.expires_at <= @now THEN 3 ELSE 0 END,
               i.created_by, i.created_at, i.expires_at, i.accepted_at, i.revoked_at, o.status = 'Active'
        FROM invitations i JOIN organizations o ON o.id = i.org_id
        """;

    private const string IsPending = "i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > @now";

    public async Task AddAsync(InvitationView invitation, string tokenHash)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO invitations (id, org_id, email, display_name, roles, permissions_granted, permissions_withheld,
                                     token_hash, created_by, created_at, expires_at)
            VALUES (@id, @org, @email, @name, @roles, @granted, @withheld, @hash, @by, @created, @expires)
            """);
        command.Parameters.AddWithValue("id", invitation.Id);
        command.Parameters.AddWithValue("org", invitation.OrgId);
        command.Parameters.AddWithValue("email", invitation.Email);
        command.Parameters.AddWithValue("name", invitation.DisplayName);
        command.Parameters.AddWithValue("roles", invitation.Roles.ToArray());
        command.Parameters.AddWithValue("granted", invitation.Grant.ToArray());
        command.Parameters.AddWithValue("withheld", invitation.Withhold.ToArray());
        command.Parameters.AddWithValue("hash", tokenHash);
        command.Parameters.AddWithValue("by", invitation.CreatedBy);
        command.Parameters.AddWithValue("created", invitation.CreatedAt);
        command.Parameters.AddWithValue("expires", invitation.ExpiresAt);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<InvitationView>> ListPendingAsync(Guid orgId, KeysetCursor? after, int limit, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand($"""
            {SelectInvitation}
            WHERE i.org_id = @org AND {IsPending}
              AND (@after_created IS NULL OR (i.created_at, i.id) > (@after_created, @after_id))
            ORDER BY i.created_at, i.id
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("org", orgId);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("after_created", after?.CreatedAt));
        command.Parameters.Add(new NpgsqlParameter<Guid>("after_id", after?.Id ?? Guid.Empty));
        command.Parameters.AddWithValue("limit", limit);
        return [.. (await ReadAsync(command)).Select(row => row.Invitation)];
    }

    public async Task<InvitationView?> FindAsync(Guid orgId, Guid invitationId, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand($"{SelectInvitation} WHERE i.org_id = @org AND i.id = @id");
        command.Parameters.AddWithValue("org", orgId);
        command.Parameters.AddWithValue("id", invitationId);
        command.Parameters.AddWithValue("now", now);
        return (await ReadAsync(command)).Select(row => row.Invitation).SingleOrDefault();
    }

    public async Task<bool> HasPendingAsync(Guid orgId, string email, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT EXISTS (SELECT 1 FROM invitations i WHERE i.org_id = @org AND lower(i.email) = lower(@email) AND {IsPending})");
        command.Parameters.AddWithValue("org", orgId);
        command.Parameters.AddWithValue("email", email);
        command.Parameters.AddWithValue("now", now);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    public async Task<bool> RevokeAsync(Guid orgId, Guid invitationId, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand(
            $"UPDATE invitations i SET revoked_at = @now WHERE i.org_id = @org AND i.id = @id AND {IsPending}");
        command.Parameters.AddWithValue("org", orgId);
        command.Parameters.AddWithValue("id", invitationId);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task<(InvitationView Invitation, bool OrgActive)?> FindByTokenAsync(string tokenHash, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand($"{SelectInvitation} WHERE i.token_hash = @hash");
        command.Parameters.AddWithValue("hash", tokenHash);
        command.Parameters.AddWithValue("now", now);
        var rows = await ReadAsync(command);
        return rows.Count == 1 ? rows[0] : null;
    }

    public async Task<(Guid UserId, bool AccountCreated)?> AcceptAsync(string tokenHash, UserAccount account, string displayName, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var claim = new NpgsqlCommand($"""
            UPDATE invitations i SET accepted_at = @now
            WHERE i.token_hash = @hash AND {IsPending}
            RETURNING i.id, i.org_id, i.roles, i.permissions_granted, i.permissions_withheld
            """, connection, transaction);
        claim.Parameters.AddWithValue("hash", tokenHash);
        claim.Parameters.AddWithValue("now", now);
        Guid invitationId, orgId;
        string[] roles, granted, withheld;
        await using (var reader = await claim.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync())
            {
                return null;
            }

            (invitationId, orgId) = (reader.GetGuid(0), reader.GetGuid(1));
            (roles, granted, withheld) = (reader.GetFieldValue<string[]>(2), reader.GetFieldValue<string[]>(3), reader.GetFieldValue<string[]>(4));
        }

        var (userId, created) = await MemberRows.UpsertUserAsync(connection, transaction, account, displayName, now);
        await MemberRows.JoinAsync(connection, transaction, userId, orgId, account.Email, roles, granted, withheld, now);
        await using var acceptedBy = new NpgsqlCommand("UPDATE invitations SET accepted_by = @user WHERE id = @id", connection, transaction);
        acceptedBy.Parameters.AddWithValue("user", userId);
        acceptedBy.Parameters.AddWithValue("id", invitationId);
        await acceptedBy.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return (userId, created);
    }

    private static async Task<List<(InvitationView Invitation, bool OrgActive)>> ReadAsync(NpgsqlCommand command)
    {
        var rows = new List<(InvitationView, bool)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((new InvitationView
            {
                Id = reader.GetGuid(0),
                OrgId = reader.GetGuid(1),
                Email = reader.GetString(2),
                DisplayName = reader.GetString(3),
                Roles = reader.GetFieldValue<string[]>(4),
                Grant = reader.GetFieldValue<string[]>(5),
                Withhold = reader.GetFieldValue<string[]>(6),
                Status = (InvitationStatus)reader.GetInt32(7),
                CreatedBy = reader.GetGuid(8),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(9),
                ExpiresAt = reader.GetFieldValue<DateTimeOffset>(10),
                AcceptedAt = reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
                RevokedAt = reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12),
            }, reader.GetBoolean(13)));
        }

        return rows;
    }
}
