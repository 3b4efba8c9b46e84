using MolDash.GrainInterfaces.Errors;
using MolDash.Grains.Jobs;
using MolDash.Grains.Persistence;
using MolDash.Grains.Tasks;

namespace MolDash.Grains.Tests.Persistence;

/// <summary>Every listing's cursor gives back the position it encoded, and anything else is a clear 422.</summary>
public sealed class ListingCursorTests
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 11, 28, 12, 30, 1, 123, TimeSpan.Zero).AddTicks(4560);

    [Fact]
    public void A_cursor_decodes_to_the_position_it_encoded()
    {
        var keyset = new KeysetCursor(At, Guid.NewGuid());
        var createdAt = new CreatedAtCursor(At, "sha256:ab:cd");
        var task = new TaskCursor("dock", "1.0.0");
        var node = new NodeResultCursor("ligand/2:é");

        Assert.Equal(keyset, KeysetCursor.Decode(keyset.Encode()));
        Assert.Equal(createdAt, CreatedAtCursor.Decode(createdAt.Encode()));
        Assert.Equal(task, TaskCursor.Decode(task.Encode()));
        Assert.Equal(node, NodeResultCursor.Decode(node.Encode()));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("bm90LWEtY3Vyc29y")]
    [InlineData("MTIzOnh5eg==")]
    [InlineData("OTk5OTk5OTk5OTk5OTk5OTk5OTk5Onh5eg==")]
    [InlineData("//79")]
    [InlineData("")]
    public void Anything_else_is_a_validation_error(string cursor)
    {
        Assert.Equal(ErrorKind.Validation, Assert.Throws<MolDashException>(() => KeysetCursor.Decode(cursor)).Kind);
        Assert.Equal(ErrorKind.Validation, Assert.Throws<MolDashException>(() => TaskCursor.Decode(cursor)).Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("//79")]
    public void A_node_result_cursor_that_is_not_text_is_a_validation_error(string cursor) =>
        Assert.Equal(ErrorKind.Validation, Assert.Throws<MolDashException>(() => NodeResultCursor.Decode(cursor)).Kind);
}
