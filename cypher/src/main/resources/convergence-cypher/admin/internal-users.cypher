// The users a served store's own connection used before (one per start, dropped at shutdown; a crash may
// leave one behind).
SHOW USERS YIELD user WHERE user STARTS WITH 'convergence-internal-' RETURN user
