package id.go.kapuaskab.sertel.support.security;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Enforces {@link RequiresSecondFactor} with the request's {@link Caller}. */
@RequiresSecondFactor
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 10)
public class SecondFactorInterceptor {

    private final StepUp stepUp;
    private final CurrentCaller caller;

    SecondFactorInterceptor(StepUp stepUp, CurrentCaller caller) {
        this.stepUp = stepUp;
        this.caller = caller;
    }

    @AroundInvoke
    Object check(InvocationContext context) throws Exception {
        stepUp.require(caller.get());
        return context.proceed();
    }
}
