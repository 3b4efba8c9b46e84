using MolDash.GrainInterfaces.Jobs;
using MolDash.Grains.Persistence;
using Npgsql;

namespace MolDash.Grains.Jobs;

/// <summary>
/// The SQL of one page of the job listing. Only the filters the query sets become conditions (no
/// "@x IS NULL OR …" branches), so the planner sees a plain equality plus a (created_at, id) range and
/// picks the matching index of 0003_jobs.sql whatever plan caching does.
/// </summary>
public static class JobListingCommand
{
    public const string Columns =
        "id, kind, target, status, priority, submitted_by, created_at, started_at, finished_at, " +
        "total_nodes, succeeded_nodes, failed_nodes, running_nodes, error, logs_uri";

    public static NpgsqlCommand Create(NpgsqlDataSource dataSource, JobQuery query, KeysetCursor? after, int limit)
    {
        var command = dataSource.CreateCommand();
        var conditions = new List<string>();
        void Add(string condition, string name, object value)
        {
            conditions.Add(condition);
            command.Parameters.AddWithValue(name, value);
        }

        if (query.Status is { } status)
        {
            Add("status = @status", "status", status.ToString());
        }

        if (query.Kind is { } kind)
        {
            Add("kind = @kind", "kind", kind.ToString());
        }

        if (TargetFilter.Parse(query.Target) is { } target)
        {
            if (target.Version is null)
            {
                Add("target_name = @target_name", "target_name", target.Name);
            }
            else
            {
                Add("target = @target", "target", target.Exact);
            }
        }

        if (query.SubmittedBy is { } submittedBy)
        {
            Add("submitted_by = @submitted_by", "submitted_by", submittedBy);
        }

        if (query.CreatedFrom is { } from)
        {
            Add("created_at >= @created_from", "created_from", from.ToUniversalTime());
        }

        if (query.CreatedBefore is { } before)
        {
            Add("created_at < @created_before", "created_before", before.ToUniversalTime());
        }

        var newestFirst = query.Sort == JobSort.NewestFirst;
        if (after is not null)
        {
            conditions.Add(newestFirst ? "(created_at, id) < (@after_created, @after_id)" : "(created_at, id) > (@after_created, @after_id)");
            command.Parameters.AddWithValue("after_created", after.CreatedAt.ToUniversalTime());
            command.Parameters.AddWithValue("after_id", after.Id);
        }

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        var order = newestFirst ? "created_at DESC, id DESC" : "created_at, id";
        command.CommandText = $"SELECT {Columns} FROM jobs {where} ORDER BY {order} LIMIT @limit";
        command.Parameters.AddWithValue("limit", limit);
        return command;
    }
}
