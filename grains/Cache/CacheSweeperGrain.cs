using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Cache;

namespace MolDash.Grains.Cache;

[GrainType("moldash-cache-sweeper")]
public sealed class CacheSweeperGrain(ICacheRecords records, IOptions<CacheOptions> options, TimeProvider time) : Grain, ICacheSweeperGrain, IRemindable
{
    private const string Reminder = "sweep";
    private const int Batch = 500;
    private bool scheduled;

    public async Task EnsureScheduledAsync()
    {
        if (!scheduled)
        {
            await this.RegisterOrUpdateReminder(Reminder, options.Value.SweepPeriod, options.Value.SweepPeriod);
            scheduled = true;
        }
    }

    public async Task<int> SweepAsync()
    {
        var orgId = this.GetPrimaryKey();
        CallerContext.Set(Caller.PlatformIn(orgId));
        var removed = 0;
        foreach (var signature in await records.ExpiredAsync(orgId, time.GetUtcNow(), Batch, CancellationToken.None))
        {
            if (await GrainFactory.GetGrain<ICacheEntryGrain>(CacheKey.Format(orgId, signature)).ExpireAsync())
            {
                removed++;
            }
        }

        return removed;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        scheduled = true;
        await SweepAsync();
    }
}
