using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Prescriptions.Application.Configuration;
using Prescriptions.Domain.Serialization;
using Prescriptions.Functions.Http;

namespace Prescriptions.LocalHost.DevTokens;

/// <summary>
/// Development only, local host only: issue tokens at POST /dev/token and make bearer validation trust
/// exactly this issuer and key (no Entra metadata is fetched). The function app never contains this.
/// </summary>
public static class DevTokenSetup
{
    public const string Route = "/dev/token";

    public static void AddDevTokens(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddValidatedOptions<DevTokenOptions>(DevTokenOptions.SectionName);
        builder.Services.AddSingleton<DevTokenIssuer>();
        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, TrustDevIssuer>();
    }

    public static void MapDevTokens(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(Route, async (HttpContext context, DevTokenIssuer issuer) =>
        {
            context.Response.Headers[CorrelationId.HeaderName] = CorrelationId.From(context.Request);
            DevTokenRequest request;
            try
            {
                request = await JsonBodyReader.ReadAsync<DevTokenRequest>(context.Request, context.RequestAborted);
            }
            catch (ApiProblemException exception)
            {
                return Problem(exception.Problem);
            }

            if (issuer.Validate(request) is { } invalid)
            {
                return Problem(Functions.Http.Problems.Validation(invalid.Field, invalid.Message));
            }

            return Results.Json(new DevTokenResponse(issuer.Issue(request), "Bearer", issuer.LifetimeSeconds), DomainJson.Options);
        });
    }

    private static IResult Problem(ApiProblem problem) =>
        Results.Text(JsonSerializer.Serialize(problem, DomainJson.Options), "application/problem+json", statusCode: problem.Status);

    /// <summary>Runs after Microsoft.Identity.Web's configuration and replaces Entra's issuer, keys and metadata with the dev issuer's.</summary>
    private sealed class TrustDevIssuer(DevTokenIssuer issuer) : IPostConfigureOptions<JwtBearerOptions>
    {
        public void PostConfigure(string? name, JwtBearerOptions options)
        {
            if (name != JwtBearerDefaults.AuthenticationScheme)
            {
                return;
            }

            var configuration = new OpenIdConnectConfiguration { Issuer = issuer.Issuer };
            configuration.SigningKeys.Add(issuer.SigningKey);
            options.Configuration = configuration;
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            options.Authority = null;
            options.MetadataAddress = null!;
            var parameters = options.TokenValidationParameters;
            parameters.ValidIssuer = issuer.Issuer;
            parameters.ValidIssuers = [issuer.Issuer];
            parameters.IssuerValidator = null;
            parameters.IssuerSigningKey = issuer.SigningKey;
            parameters.IssuerSigningKeyValidatorUsingConfiguration = null;
            parameters.IssuerSigningKeyValidator = null;
            parameters.ConfigurationManager = options.ConfigurationManager as BaseConfigurationManager;
        }
    }
}
