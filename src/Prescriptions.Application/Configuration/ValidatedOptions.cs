using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Prescriptions.Application.Configuration;

/// <summary>
/// The one way options are registered: bound to their section, checked by their data annotations (and by any
/// <see cref="IValidateOptions{TOptions}"/> registered beside them for rules that need more than the class), at startup.
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
