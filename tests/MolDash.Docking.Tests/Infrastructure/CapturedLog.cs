using Microsoft.Extensions.Logging;

namespace MolDash.Docking.Tests.Infrastructure;

public sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Scope);
