using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Schedules;
using MolDash.Grains.Persistence;

namespace MolDash.Grains.Schedules;

/// <summary>
/// The ids of an org's schedules, oldest first; a page reads its schedules from their grains. An org has at
/// most a few hundred schedules, so the list lives in the grain's state rather than in a table.
/// </summary>
[GrainType("moldash-schedule-directory")]
public sealed class ScheduleDirectoryGrain(
    [PersistentState("schedule-directory", GrainStorageNames.Default)] IPersistentState<ScheduleDirectoryState> state,
    IOptions<ScheduleOptions> options) : Grain, IScheduleDirectoryGrain, IOrgOwned
{
    private const int MaxPage = 100;

    public Guid OwnerOrgId => this.GetPrimaryKey();

    public async Task<SchedulePage> ListAsync(string? after, int limit)
    {
        PageSize.Validate(limit, MaxPage);
        var ids = state.State.ScheduleIds;
        var start = 0;
        if (after is not null)
        {
            var position = Guid.TryParseExact(after, "N", out var afterId) ? ids.IndexOf(afterId) : -1;
            start = position >= 0 ? position + 1 : throw OpaqueCursor.Foreign();
        }

        var page = ids.Skip(start).Take(limit).ToList();
        var items = await Task.WhenAll(page.Select(id => GrainFactory.GetGrain<IScheduleGrain>(ScheduleKey.Format(OwnerOrgId, id)).GetAsync()));
        return new SchedulePage(items, start + page.Count < ids.Count ? page[^1].ToString("N") : null);
    }

    public async Task AddAsync(Guid scheduleId)
    {
        if (state.State.ScheduleIds.Contains(scheduleId))
        {
            return;
        }

        if (state.State.ScheduleIds.Count >= options.Value.MaxPerOrg)
        {
            throw new MolDashException(ErrorKind.Conflict, $"The organization has {options.Value.MaxPerOrg} schedules, as many as it may; delete one first.");
        }

        state.State.ScheduleIds.Add(scheduleId);
        await state.WriteStateAsync();
    }

    public async Task RemoveAsync(Guid scheduleId)
    {
        if (state.State.ScheduleIds.Remove(scheduleId))
        {
            await state.WriteStateAsync();
        }
    }
}
