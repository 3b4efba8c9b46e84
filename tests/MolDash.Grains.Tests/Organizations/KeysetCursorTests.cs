using MolDash.Grains.Persistence;
using MolDash.GrainInterfaces.Errors;
using MolDash.Grains.Organizations;

namespace MolDash.Grains.Tests.Organizations;

public sealed class KeysetCursorTests
{
    [Fact]
    public void A_cursor_decodes_to_the_position_it_encoded()
    {
        var position = new KeysetCursor(new DateTimeOffset(2026, 11, 28, 12, 30, 1, 123, TimeSpan.Zero).AddTicks(4560), Guid.NewGuid());

        Assert.Equal(position, KeysetCursor.Decode(position.Encode()));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("bm90LWEtY3Vyc29y")]
    [InlineData("MTIzOnh5eg==")]
    [InlineData("")]
    public void Anything_else_is_a_validation_error(string cursor)
    {
        var error = Assert.Throws<MolDashException>(() => KeysetCursor.Decode(cursor));

        Assert.Equal(ErrorKind.Validation, error.Kind);
    }
}
