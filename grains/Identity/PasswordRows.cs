using Npgsql;

namespace MolDash.Grains.Identity;

/// <summary>
/// The write behind every password change: the new hash, and a new security stamp on each of the user's
/// memberships so access tokens issued before stop working at their next grain call.
/// </summary>
public static class PasswordRows
{
    /// <returns>The orgs whose memberships changed stamp.</returns>
    public static async Task<IReadOnlyList<Guid>> SetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid userId, string passwordHash)
    {
        await using var command = new NpgsqlCommand("""
            WITH changed AS (UPDATE users SET password_hash = @password_hash WHERE id = @id RETURNING id)
            UPDATE memberships SET security_stamp = gen_random_uuid()
            WHERE user_id IN (SELECT id FROM changed)
            RETURNING org_id
            """, connection, transaction);
        command.Parameters.AddWithValue("id", userId);
        command.Parameters.AddWithValue("password_hash", passwordHash);
        var orgs = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            orgs.Add(reader.GetGuid(0));
        }

        return orgs;
    }
}
