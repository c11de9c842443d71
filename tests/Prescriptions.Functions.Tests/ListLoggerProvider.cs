using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Prescriptions.Functions.Tests;

/// <summary>Keeps log entries in memory so tests can read what was logged.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> entries = new();

    public IReadOnlyCollection<Entry> Entries => entries;

    public ILogger CreateLogger(string categoryName) => new ListLogger(entries, categoryName);

    public void Dispose()
    {
    }

    internal sealed record Entry(LogLevel Level, string Message, Exception? Exception, string Category);

    private sealed class ListLogger(ConcurrentQueue<Entry> entries, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new Entry(logLevel, formatter(state, exception), exception, category));
    }
}
