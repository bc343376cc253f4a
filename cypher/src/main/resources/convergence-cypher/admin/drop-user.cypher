// Drops a user of the served store's own connection (admin/internal-users).
DROP USER $name IF EXISTS
