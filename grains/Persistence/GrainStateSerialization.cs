using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace MolDash.Grains.Persistence;

/// <summary>
/// Grain state is stored in Orleans' binary format, the one grain calls already use: a job's state is a fraction of
/// its JSON's size (small enough that PostgreSQL stores it uncompressed) and far cheaper to write, and the [Id]s the
/// state types carry keep it readable across versions. State stored as JSON by earlier versions still reads.
/// </summary>
public static class GrainStateSerialization
{
    public static IServiceCollection AddBinaryGrainStateReadingJson(this IServiceCollection services) =>
        services.AddSingleton<IGrainStorageSerializer>(provider => new GrainStorageSerializer(
            new OrleansGrainStorageSerializer(provider.GetRequiredService<Serializer>()),
            ActivatorUtilities.CreateInstance<JsonGrainStorageSerializer>(provider)));
}
