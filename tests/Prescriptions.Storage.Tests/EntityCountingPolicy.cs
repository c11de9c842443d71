using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Prescriptions.Storage.Tests;

/// <summary>Counts the entities the service returns to queries, which is what a sweep reads.</summary>
internal sealed class EntityCountingPolicy : HttpPipelinePolicy
{
    private int entities;

    public int EntitiesRead => entities;

    public void Reset() => entities = 0;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Count(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        Count(message);
    }

    private void Count(HttpMessage message)
    {
        if (message.Request.Method != RequestMethod.Get || message.Response.ContentStream is not { CanSeek: true } stream)
        {
            return;
        }

        using var document = JsonDocument.Parse(stream);
        stream.Position = 0;
        if (document.RootElement.TryGetProperty("value", out var values))
        {
            Interlocked.Add(ref entities, values.GetArrayLength());
        }
    }
}
