using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Prescriptions.Application.Webhooks;

namespace Prescriptions.Functions.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>The partners (their settings checked at startup beside the Application's binding) and the resilient, signed sender.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddSingleton<WebhookPartners>();
        services.AddTransient<IWebhookEndpoints, WebhookEndpoints>();

        services.AddHttpClient<WebhookSender>(client => client.DefaultRequestHeaders.UserAgent.Add(WebhookHeaders.UserAgent))
            // Only configured URLs are called: a redirect must not send the event anywhere else.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .AddResilienceHandler("webhooks", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value;
                pipeline.AddTimeout(options.DeliveryTimeout);
                if (options.RetriesPerSweep > 0)
                {
                    // The default predicate retries 5xx, 408, 429, HttpRequestException and attempt timeouts.
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.RetriesPerSweep,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = options.RetryDelay,
                    });
                }

                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 5,
                    SamplingDuration = TimeSpan.FromMinutes(1),
                    BreakDuration = TimeSpan.FromSeconds(30),
                });
                pipeline.AddTimeout(options.AttemptTimeout);
            })
            // One pipeline per scheme+host+port: a failing partner opens its own circuit, not everyone's.
            .SelectPipelineByAuthority();
        return services;
    }
}
